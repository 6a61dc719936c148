#!/usr/bin/env node
// Entry point for the `nianbao` command: runs the compiled CLI in dist/
// (built by `npm run build`, which `npm ci` runs as its `prepare` step).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/pipeline/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('nianbao: the compiled CLI is missing (dist/); run `npm run build` (or `npm ci`) first\n');
  process.exit(2);
}
// A closed pipe (`nianbao extract … | head`) ends the output quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
