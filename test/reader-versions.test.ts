/**
 * Every change that changes a record raises a reader version: the records of
 * each extractor's fixtures hash as the committed snapshot says, for the
 * declared version. Records that changed under the same version would keep
 * stale results in every warehouse's stage (nothing would be read again).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReaderFormat } from '../src/extract/reader-versions.ts';
import { currentSnapshot, SNAPSHOT_FILE, type Snapshot } from './support/reader-version-snapshot.ts';

/** Reading every fixture, the OCR'd ones at seconds a page, takes most of a minute; the test waits for it (it measures nothing). */
const SNAPSHOT_WAIT_MS = 180_000;

describe('reader versions', () => {
  it("match the fixtures' records: a changed record comes with a raised version", { timeout: SNAPSHOT_WAIT_MS }, async () => {
    const committed = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Snapshot;
    const now = await currentSnapshot();
    const problems = (Object.keys(now) as ReaderFormat[]).flatMap((f) => {
      const [was, is] = [committed[f], now[f]];
      if (!was) return [`${f}: not in the snapshot; run npm run reader-versions:update`];
      if (was.records !== is.records && was.version === is.version) {
        return [
          `${f}: the records of its fixtures changed but its version (${is.version}) did not: raise READER_VERSIONS.${f} in src/extract/reader-versions.ts ` +
            `(or TRANSFORM_VERSION in src/transform/version.ts for a transform change), then run npm run reader-versions:update`,
        ];
      }
      if (was.records !== is.records || was.version !== is.version) return [`${f}: version ${was.version} -> ${is.version}; run npm run reader-versions:update to record it`];
      return [];
    });
    expect(problems).toEqual([]);
  });
});
