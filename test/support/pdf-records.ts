/**
 * What nianbao makes of every PDF fixture (test/fixtures/pdf/*.pdf and the
 * corpus PDFs in test/fixtures/corpus/docs): the record of the whole extract
 * and transform, with the drawn rulings and from text alignment alone, or
 * the failure (its error class, kind and message). Snapshots of these,
 * written by scripts/snapshot-pdf-records.ts when the PDF engine was pdfjs,
 * are what the PDFium engine must give exactly (test/pdf-records.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractBytes } from '../../pipeline/extract-record.ts';
import { isNianbaoError } from '../../src/errors.ts';
import { extractPdf } from '../../src/extract/pdf/pdf.ts';
import { transformDocument } from '../../src/transform/transform-document.ts';

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
export const SNAPSHOT_DIR = join(FIXTURES, 'pdf-records');

/** A fixture that shows exactly as another one (turned.pdf is 002's pages turned round): compared with that one's snapshot. */
export const SAME_AS: Readonly<Record<string, string>> = { 'turned.pdf': '002_02af2ddfabc85d6c.pdf' };

/** Every PDF fixture with a snapshot of its own, by path, in name order. */
export function pdfFixtures(): string[] {
  const inDir = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.toLowerCase().endsWith('.pdf') && !(f in SAME_AS))
      .sort()
      .map((f) => join(dir, f));
  return [...inDir(join(FIXTURES, 'pdf')), ...inDir(join(FIXTURES, 'corpus', 'docs'))];
}

/** The snapshot's file name for one fixture: its folder and name. */
export function snapshotName(file: string): string {
  const folder = basename(join(file, '..'));
  return `${folder}--${basename(file)}.json`;
}

function failureOf(e: unknown): unknown {
  if (!isNianbaoError(e)) throw e;
  return { error: e.name, kind: e.kind, message: e.message };
}

/** The fixture's outcome as plain JSON data. */
export async function pdfOutcome(file: string): Promise<unknown> {
  const bytes = new Uint8Array(readFileSync(file));
  const name = basename(file);
  const withRulings = await extractBytes(name, bytes).then((r) => r.record, failureOf);
  const textAlone = await extractPdf(bytes, name, { rulings: false }).then((d) => transformDocument(d), failureOf);
  return JSON.parse(JSON.stringify({ withRulings, textAlone }));
}
