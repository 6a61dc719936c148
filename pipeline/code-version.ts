/**
 * The version of the code that turns a raw file into facts: a hash of every
 * source and data file under src/ and pipeline/ (tests left out), of the
 * checked-in agency overrides and of package-lock.json (the versions of
 * @embedpdf/pdfium, mammoth, cheerio …). Stored with each report, so a run after an
 * upgrade redoes the documents the old code read, while a run on the same
 * code skips them. Line endings are folded, so a Windows checkout hashes the
 * same.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../src/project-root.ts';

const ROOT = PROJECT_ROOT;
const INPUTS = ['src', 'pipeline', 'data/overrides', 'package-lock.json'];

function isTestFile(name: string): boolean {
  return /\.test\.ts$|\.test-helper\.ts$/.test(name) || name === 'fixtures';
}

async function filesUnder(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !isTestFile(e.name))
      .map((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : Promise.resolve(e.isFile() ? [join(path, e.name)] : []))),
  );
  return nested.flat();
}

let cached: Promise<string> | undefined;

/** 16 hex characters; the same for the same code, whatever the machine or checkout folder. */
export function codeVersion(): Promise<string> {
  cached ??= (async () => {
    const files = (await Promise.all(INPUTS.map((d) => filesUnder(join(ROOT, d))))).flat().map((f) => relative(ROOT, f).split('\\').join('/'));
    const hash = createHash('sha256');
    for (const file of files.sort()) {
      hash.update(`${file}\0`);
      hash.update((await readFile(join(ROOT, file), 'utf8')).replaceAll('\r\n', '\n'));
      hash.update('\0');
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return cached;
}
