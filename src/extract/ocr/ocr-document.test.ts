/**
 * OCR end to end, with Tesseract and chi_sim installed (README set-up,
 * .ci/run): a scanned report (test/fixtures/scan, made by
 * scripts/render-fixture-scans.ts) becomes tables whose cells carry the
 * engine's confidence, a cell read below the threshold is a warning naming
 * it, the same file reads the same twice, and without the engine a run
 * prints one NEEDS OCR line per file.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { transformDocument } from '../../transform/transform-document.ts';
import { finishRecord } from '../../transform/finish-record.ts';
import { OCR_MIN_CONFIDENCE } from '../../transform/read-cell.ts';
import { loadCorpusLabels } from '../../../test/support/label.ts';
import { useTempDir } from '../../../test/support/temp-dir.ts';
import type { TableBlock } from '../document.ts';
import { imageExtractor, ocrPdf } from './ocr-document.ts';

const SCANS = new URL('../../../test/fixtures/scan/', import.meta.url).pathname;
const ROOT = new URL('../../../', import.meta.url).pathname;
const PICTURE = join(SCANS, '003_67fd554f9e32afcc.page1.png');
/** OCR of a page takes seconds; these tests wait for it (they measure nothing). */
const OCR_WAIT_MS = 180_000;

describe('OCR of scanned reports and pictures', () => {
  it('reads a picture into tables whose cells carry confidences, the same way twice', { timeout: OCR_WAIT_MS }, async () => {
    const bytes = new Uint8Array(readFileSync(PICTURE));
    const first = await imageExtractor.extract(bytes, PICTURE);
    const tables = first.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(first.ocrEngine).toMatch(/^tesseract 5/);
    const read = tables.flatMap((t) => t.rows.flat()).filter((c) => !c.covered && c.text !== '');
    expect(read.length).toBeGreaterThan(50);
    for (const c of read) expect(c.confidence).toBeGreaterThanOrEqual(0);
    expect(read.filter((c) => c.text === '0').length).toBeGreaterThan(20);
    const second = await imageExtractor.extract(bytes, PICTURE);
    expect(second).toEqual(first);
  });

  it('reads a scanned PDF to a record of the right year, every OCR value a warning naming its cell (unsure ones as such)', { timeout: OCR_WAIT_MS }, async () => {
    const file = join(SCANS, '000_d4859fce74386304.200dpi.pdf');
    const label = loadCorpusLabels().find((l) => l.name === '000_d4859fce74386304')!.label;
    const doc = await ocrPdf(new Uint8Array(readFileSync(file)), file);
    const record = finishRecord(transformDocument(doc), doc, {});
    expect(record.year).toBe(label.year);
    const unsure = record.cells.filter((c) => c.confidence !== undefined && c.confidence < OCR_MIN_CONFIDENCE && c.value !== null);
    const warned = record.validation.filter((v) => v.rule === 'extract.low_confidence');
    expect(warned.map((w) => `${w.table}.${w.row}.${w.column}`)).toEqual(unsure.map((c) => `${c.table}.${c.row}.${c.column}`));
    const named = new Set(record.validation.filter((v) => v.rule === 'extract.low_confidence' || v.rule === 'extract.ocr_value').map((w) => `${w.table}.${w.row}.${w.column}`));
    const ocrValues = record.cells.filter((c) => c.confidence !== undefined && c.value !== null);
    expect(ocrValues.length).toBeGreaterThan(0);
    for (const c of ocrValues) expect(named.has(`${c.table}.${c.row}.${c.column}`), `${c.table}.${c.row}.${c.column}`).toBe(true);
    expect(record.cells.filter((c) => c.confidence !== undefined).length).toBeGreaterThan(100);
  });

  const scratch = useTempDir('nianbao-ocr-missing-');
  it('without the engine, a run prints one NEEDS OCR line per file and goes on', { timeout: OCR_WAIT_MS }, async () => {
    const raw = join(scratch(), 'raw');
    await promisify(execFile)('mkdir', ['-p', raw]);
    copyFileSync(PICTURE, join(raw, 'picture.png'));
    copyFileSync(join(ROOT, 'test/fixtures/pdf/scanned.pdf'), join(raw, 'scanned.pdf'));
    const run = promisify(execFile)(process.execPath, [join(ROOT, 'bin/nianbao.mjs'), 'run', '--raw', raw, '--db', join(scratch(), 'w.duckdb')], {
      cwd: ROOT,
      env: { ...process.env, PATH: join(scratch(), 'no-bin') },
    });
    const failed = await run.then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout.split('\n').filter((l) => l.startsWith('NEEDS OCR'))).toEqual([
      'NEEDS OCR picture.png: OCR engine not installed: tesseract is not on PATH (spawn tesseract ENOENT)',
      'NEEDS OCR scanned.pdf: OCR engine not installed: tesseract is not on PATH (spawn tesseract ENOENT); PDF has no text layer (1 page of scanned images); it needs OCR',
    ]);
  });
});

describe('an HTML page whose report is pictures', () => {
  it('reads the pictures by OCR in their place, after the title the page writes, to a record of the right year', { timeout: OCR_WAIT_MS }, async () => {
    const file = join(SCANS, '003_67fd554f9e32afcc.pictures.html');
    const label = loadCorpusLabels().find((l) => l.name === '003_67fd554f9e32afcc')!.label;
    const { extractorFor } = await import('../registry.ts');
    const doc = await (await extractorFor(file)).extract(new Uint8Array(readFileSync(file)), file);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', text: expect.stringContaining(label.agency) });
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(new Set(doc.blocks.flatMap((b) => (b.source.page ? [b.source.page] : [])))).toEqual(new Set([1, 2]));
    doc.blocks.forEach((b, i) => expect(b.source.block).toBe(i));
    const record = finishRecord(transformDocument(doc), doc, {});
    expect(record.year).toBe(label.year);
    expect(record.cells.filter((c) => c.table === 'applications').length).toBeGreaterThan(50);
  });
});
