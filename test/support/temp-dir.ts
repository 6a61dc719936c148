/**
 * A scratch folder for the tests of one describe block: made before its
 * first test, removed with everything in it after its last.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Registers the folder's set-up and removal; call the returned function inside a test for its path. */
export function useTempDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error(`useTempDir(${prefix}): the folder exists only while the tests of its describe block run`);
    return dir;
  };
}
