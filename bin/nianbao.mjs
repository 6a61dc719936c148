#!/usr/bin/env node
// Entry point for the `nianbao` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`nianbao extract … | head`) ends the output quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('../pipeline/cli.ts');
process.exitCode = await main(process.argv.slice(2));
