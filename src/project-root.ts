/**
 * The folder of the nianbao package (where package.json, data/ and sql/
 * are), found from this module's own place: the same whether the code runs
 * from its TypeScript sources or compiled under dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'nianbao') return dir;
    if (dirname(dir) === dir) throw new Error(`nianbao: no package.json of nianbao above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** The package's version, from its package.json (read at run time: the compiled code has no copy of it). */
export const PACKAGE_VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
