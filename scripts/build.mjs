#!/usr/bin/env node
/**
 * Builds the compiled CLI into dist/: TypeScript compiled by tsc
 * (tsconfig.build.json: src/ and pipeline/, tests left out, relative `.ts`
 * imports rewritten to `.js`), then the data files the code reads beside
 * itself (JSON, CSV, TSV, TXT under src/ and pipeline/, and the .mjs worker
 * entry) and the SQL under sql/
 * copied to the same places under dist/, and the seed warehouse new
 * warehouses start from (src/load/warehouse-seed.ts) written with the
 * compiled code. Run by `npm run build`, and by npm itself after `npm ci` /
 * `npm install` (the `prepare` script).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const DATA = /\.(json|csv|tsv|txt|mjs)$/;
const require = createRequire(import.meta.url);

/** Data files under a folder (test fixtures left out). */
function dataFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : dataFiles(path);
    return DATA.test(e.name) ? [path] : [];
  });
}

rmSync(DIST, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
for (const file of [...dataFiles(join(ROOT, 'src')), ...dataFiles(join(ROOT, 'pipeline'))]) {
  const target = join(DIST, relative(ROOT, file));
  mkdirSync(dirname(target), { recursive: true });
  cpSync(file, target);
}
cpSync(join(ROOT, 'sql'), join(DIST, 'sql'), { recursive: true });
execFileSync(process.execPath, ['--input-type=module', '-e', `await (await import(${JSON.stringify(pathToFileURL(join(DIST, 'src/load/warehouse-seed.js')).href)})).writeSeed()`], { stdio: 'inherit' });
