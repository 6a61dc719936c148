/**
 * The reader-version snapshot (test/fixtures/reader-versions.json): per
 * extractor, its declared version (with the transform's) and a hash of the
 * records its fixtures read as: every file of test/fixtures/ the extractor
 * reads, plus, for DOCX, every corpus label rendered by test/render. A
 * failure to read counts by its message.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBytes, extractFile } from '../../pipeline/extract-record.ts';
import { toJson } from '../../pipeline/public-record.ts';
import { readerFormatOf } from '../../pipeline/reader-version.ts';
import { READER_VERSIONS, type ReaderFormat } from '../../src/extract/reader-versions.ts';
import { TRANSFORM_VERSION } from '../../src/transform/version.ts';
import { loadLabels, RENDERERS } from '../render/index.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SNAPSHOT_FILE = join(FIXTURES, 'reader-versions.json');

/**
 * The scanned reports of test/fixtures/scan/ as PDFs: OCR reads them at
 * seconds a page, minutes for all 16, so they are left out; the OCR path
 * of PDFs is in the snapshot through pdf/scanned.pdf and pdf/unmapped.pdf,
 * and that of pictures through the scan's .png pages and its HTML page.
 */
const OCR_ONLY_SCANS = /^scan\/.*\.pdf$/;

export type Snapshot = Record<ReaderFormat, { version: string; records: string }>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * A record as JSON, with the fixtures folder taken out of its paths (cells'
 * provenance names the file read): the snapshot is the same in every checkout.
 */
async function recordText(read: () => Promise<{ record: unknown }>): Promise<string> {
  try {
    return toJson((await read()).record as Parameters<typeof toJson>[0]).replaceAll(FIXTURES, '');
  } catch (e) {
    return `error: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export function declaredVersion(format: ReaderFormat): string {
  return `${READER_VERSIONS[format]}+t${TRANSFORM_VERSION}`;
}

export async function currentSnapshot(): Promise<Snapshot> {
  const hashes = Object.fromEntries((Object.keys(READER_VERSIONS) as ReaderFormat[]).map((f) => [f, createHash('sha256')])) as Record<ReaderFormat, ReturnType<typeof createHash>>;
  const files = filesUnder(FIXTURES)
    .map((f) => relative(FIXTURES, f).split('\\').join('/'))
    .filter((f) => readerFormatOf(f) !== null && !OCR_ONLY_SCANS.test(f))
    .sort();
  for (const rel of files) {
    const format = readerFormatOf(rel) as ReaderFormat;
    hashes[format].update(`${rel}\0${await recordText(() => extractFile(join(FIXTURES, rel), { docName: rel }))}\0`);
  }
  const docx = RENDERERS.find((r) => r.name === 'docx');
  if (!docx) throw new Error('test/render has no docx renderer');
  for (const { name, label } of loadLabels()) {
    const bytes = new Uint8Array(Buffer.from(await docx.render(label)));
    hashes.docx.update(`${name}.docx\0${await recordText(() => extractBytes(`${name}.docx`, bytes, { docName: `${name}.docx` }))}\0`);
  }
  return Object.fromEntries(
    (Object.keys(hashes) as ReaderFormat[]).map((f) => [f, { version: declaredVersion(f), records: hashes[f].digest('hex').slice(0, 16) }]),
  ) as Snapshot;
}
