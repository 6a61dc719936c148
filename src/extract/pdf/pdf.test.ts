/**
 * The PDF extractor on real reports (WPS exports in the corpus) and on broken
 * PDFs (test/fixtures/pdf: a scan, an encrypted and a truncated copy, a page
 * of unmappable glyphs). Expected values come from the corpus label of
 * hzq2023_working.pdf, or from reading the pages (pdftotext -layout). The
 * same reports through the transform: test/pdf-reports.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, loadCorpusLabels } from '../../../test/support/label.ts';
import { CorruptFileError, EncryptedFileError, NeedsOcrError, isNianbaoError } from '../../errors.ts';
import type { Cell, DocumentModel, TableBlock } from '../document.ts';
import { extractPdf, pdfExtractor } from './pdf.ts';

const DOCS = join(CORPUS, 'docs');
const FIXTURES = new URL('../../../test/fixtures/pdf/', import.meta.url).pathname;

async function extract(file: string, rulings = true): Promise<DocumentModel> {
  return extractPdf(new Uint8Array(readFileSync(file)), file, { rulings });
}

function tables(doc: DocumentModel): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

/** The first table row holding a cell whose text contains `label`, as texts. */
function rowWith(doc: DocumentModel, label: string): Cell[] | undefined {
  for (const t of tables(doc)) for (const row of t.rows) if (row.some((c) => c.text.includes(label))) return row;
  return undefined;
}

/** Cell texts after the last non-empty non-number cell, covered copies of horizontal spans left out. */
function valuesAfterLabel(row: Cell[]): string[] {
  const isNumber = (t: string) => /^\d+(?:\.\d+)?$/.test(t);
  let last = -1;
  row.forEach((c, i) => {
    if (c.text !== '' && !isNumber(c.text)) last = i;
  });
  return row.slice(last + 1).filter((c) => !c.covered || c.rowSpan > 1).map((c) => c.text);
}

describe('pdf extractor on the labelled WPS report (hzq2023_working.pdf)', () => {
  const file = join(DOCS, 'hzq2023_working.pdf');
  const label = loadCorpusLabels().find((l) => l.label.doc === 'hzq2023_working.pdf')!.label;

  for (const rulings of [true, false]) {
    const mode = rulings ? 'from drawn rulings' : 'from text alignment alone';
    it(`rebuilds the tables ${mode}: section 三 row 本年新收 and section 四's 15 numbers`, async () => {
      const doc = await extract(file, rulings);
      const row = rowWith(doc, '本年新收政府信息公开申请数量');
      expect(row && valuesAfterLabel(row)).toEqual(label.applications!.new_received!.map(String));
      const numbers = [...label.review_litigation!.review!, ...label.review_litigation!.litigation_direct!, ...label.review_litigation!.litigation_after_review!];
      const fifteen = tables(doc)
        .flatMap((t) => t.rows)
        .find((r) => r.length === 15 && r.every((c) => /^\d+$/.test(c.text)));
      expect(fifteen?.map((c) => c.text)).toEqual(numbers.map(String));
    });
  }


  it('keeps the merged label 三、本年度办理结果 whole, in one cell spanning its rows', async () => {
    const doc = await extract(file);
    const cells = tables(doc).flatMap((t) => t.rows.flat());
    const merged = cells.filter((c) => !c.covered && c.text === '三、本年度办理结果');
    expect(merged).toHaveLength(1);
    // It spans from （一）予以公开 to （七）总计 over the page break (pdftotext: pages 3 and 4).
    expect(merged[0]!.rowSpan).toBe(20);
    expect(cells.some((c) => c.text !== '三、本年度办理结果' && c.text.includes('本年度办理结果'))).toBe(false);
    // The group label of the 8 不予公开 rows is one cell too, not a row of its own.
    const group = cells.filter((c) => !c.covered && c.text === '（三）不予公开');
    expect(group.map((c) => c.rowSpan)).toEqual([8]);
  });

  it('joins the section 三 table over the page break and drops page numbers', async () => {
    const doc = await extract(file);
    const t = tables(doc).find((b) => b.rows.some((r) => r.some((c) => c.text.includes('本年新收'))))!;
    const texts = t.rows.map((r) => r.map((c) => c.text).join('|'));
    expect(texts.some((r) => r.includes('结转下年度继续办理'))).toBe(true);
    const pages = new Set(t.rows.flat().map((c) => c.source.page));
    expect([...pages].sort()).toEqual([3, 4]);
    const all = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text) : [b.text]));
    expect(all.filter((s) => /^-\s*\d+\s*-$/.test(s.trim()))).toEqual([]);
    expect(all.some((s) => /-\d-/.test(s))).toBe(false);
  });

  it('gives every block and cell its page', async () => {
    const doc = await extract(file);
    expect(doc.pageCount).toBe(5);
    for (const b of doc.blocks) {
      expect(b.source.page).toBeGreaterThanOrEqual(1);
      if (b.kind === 'table') for (const c of b.rows.flat()) expect(c.source.page).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads paragraphs in order, joining lines and a paragraph that runs over a page break', async () => {
    const doc = await extract(file);
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(paragraphs.slice(0, 2)).toEqual(['洪泽区人民政府', '2023年政府信息公开工作年度报告']);
    expect(paragraphs).toContain('一、总体情况');
    // Page 1 ends "严格执行“分", page 2 begins "级审核、先审后发”程序".
    expect(paragraphs.some((p) => p.includes('严格执行“分级审核、先审后发”程序'))).toBe(true);
    const headings = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'];
    const at = headings.map((h) => doc.blocks.findIndex((b) => b.kind === 'paragraph' && b.text === h));
    expect(at.every((i) => i >= 0)).toBe(true);
    // Each section heading comes right before its table.
    for (const i of at) expect(doc.blocks[i + 1]?.kind).toBe('table');
  });
});

describe('pdf extractor on the unlabelled WPS reports', () => {
  it('szfgs2024.pdf: stitches 无法提供, cut by the page break ("（四）无" / "法提供"), into one cell', async () => {
    const doc = await extract(join(DOCS, 'szfgs2024.pdf'));
    const cells = tables(doc).flatMap((t) => t.rows.flat()).filter((c) => !c.covered);
    const stitched = cells.find((c) => c.text === '（四）无法提供');
    expect(stitched?.rowSpan).toBe(3);
    expect(cells.some((c) => c.text === '法提供')).toBe(false);
  });
});

describe('pdf extractor on broken PDFs', () => {
  it('a scanned PDF (an image, no text layer) needs OCR', async () => {
    const file = join(FIXTURES, 'scanned.pdf');
    const err = await pdfExtractor.extract(new Uint8Array(readFileSync(file)), file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NeedsOcrError);
    expect((err as NeedsOcrError).kind).toBe('needs_ocr');
    expect((err as NeedsOcrError).line()).toMatch(/scanned\.pdf: .*needs OCR$/);
  });

  it('a PDF whose font maps its glyphs to no real characters (乱码) needs OCR too', async () => {
    const file = join(FIXTURES, 'unmapped.pdf');
    const err = await pdfExtractor.extract(new Uint8Array(readFileSync(file)), file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NeedsOcrError);
    expect((err as NeedsOcrError).line()).toMatch(/unmapped\.pdf: PDF text layer is unreadable \(780 of 780 characters map to no real character.*needs OCR$/);
  });

  it('an encrypted PDF gives a one-line EncryptedFileError', async () => {
    const file = join(FIXTURES, 'encrypted.pdf');
    const err = await pdfExtractor.extract(new Uint8Array(readFileSync(file)), file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EncryptedFileError);
    expect((err as EncryptedFileError).line()).toMatch(/^.*encrypted\.pdf: PDF is password-protected[^\n]*$/);
  });

  it('a truncated PDF gives a one-line CorruptFileError', async () => {
    const file = join(FIXTURES, 'truncated.pdf');
    const err = await pdfExtractor.extract(new Uint8Array(readFileSync(file)), file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptFileError);
    expect((err as CorruptFileError).line()).toMatch(/truncated\.pdf: PDF is truncated[^\n]*$/);
  });

  it('bytes that are not a PDF give a CorruptFileError', async () => {
    const bytes = new TextEncoder().encode('<html><body>not a pdf</body></html>');
    await expect(pdfExtractor.extract(bytes, 'fake.pdf')).rejects.toBeInstanceOf(CorruptFileError);
  });

  it('a bad PDF does not disturb the good ones read beside it', async () => {
    const files = ['truncated.pdf', 'encrypted.pdf', 'scanned.pdf'].map((f) => join(FIXTURES, f));
    const read = (f: string) => pdfExtractor.extract(new Uint8Array(readFileSync(f)), f);
    const results = await Promise.allSettled([...files.map(read), read(join(DOCS, 'hzq2023_working.pdf'))]);
    expect(results.slice(0, 3).every((r) => r.status === 'rejected' && isNianbaoError(r.reason))).toBe(true);
    expect(results[3]?.status).toBe('fulfilled');
  });
});
