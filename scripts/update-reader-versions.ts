/**
 * Records the reader-version snapshot (test/fixtures/reader-versions.json)
 * from the code as it is: run after raising the version of every extractor
 * (src/extract/reader-versions.ts) or the transform (src/transform/version.ts)
 * whose fixtures' records changed.  npm run reader-versions:update
 */
import { writeFile } from 'node:fs/promises';
import { currentSnapshot, SNAPSHOT_FILE } from '../test/support/reader-version-snapshot.ts';

const snapshot = await currentSnapshot();
await writeFile(SNAPSHOT_FILE, `${JSON.stringify(snapshot, null, 2)}\n`);
process.stdout.write(`${SNAPSHOT_FILE}:\n${JSON.stringify(snapshot, null, 2)}\n`);
