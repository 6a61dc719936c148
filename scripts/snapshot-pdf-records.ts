/**
 * Writes test/fixtures/pdf-records/*.json: what today's PDF engine makes of
 * every PDF fixture (see test/support/pdf-records.ts). Run it only when a
 * change to the records is meant, and review the diff:
 *
 *   node --import tsx scripts/snapshot-pdf-records.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SNAPSHOT_DIR, pdfFixtures, pdfOutcome, snapshotName } from '../test/support/pdf-records.ts';

mkdirSync(SNAPSHOT_DIR, { recursive: true });
for (const file of pdfFixtures()) {
  const out = join(SNAPSHOT_DIR, snapshotName(file));
  writeFileSync(out, JSON.stringify(await pdfOutcome(file), null, 1) + '\n');
  console.log(out);
}
