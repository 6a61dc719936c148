/**
 * The version of the code that turns a raw file into facts: a hash of every
 * source and data file under src/ (tests left out) and of the checked-in
 * agency overrides. Stored with each report, so a run after an upgrade redoes
 * the documents the old code read, while a run on the same code skips them.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INPUTS = ['src', 'data/overrides'];

function isTestFile(name: string): boolean {
  return /\.test\.ts$|\.test-helper\.ts$/.test(name) || name === 'fixtures';
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !isTestFile(e.name))
      .map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []))),
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
      hash.update(await readFile(join(ROOT, file)));
      hash.update('\0');
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return cached;
}
