/**
 * The PDFium package as nianbao uses it: every FPDF function the extractor
 * calls is exported (a package update that renames or drops one fails here,
 * loudly, not as a wrong record), and a real report opens, reports its
 * pages and title, and closes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf } from './pdf-open.ts';
import { hotFunctions, loadPdfium } from './pdfium.ts';

const HERE = new URL('.', import.meta.url).pathname;
const FIXTURE = new URL('../../../test/fixtures/corpus/docs/hzq2023_working.pdf', import.meta.url).pathname;

/** The FPDF* names the extractor's own source calls. */
function calledFunctions(): string[] {
  const names = new Set<string>();
  for (const f of readdirSync(HERE).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    // Calls (pdfium.FPDF_X(…), hot.FPDF_X(…)) and names passed as strings ('FPDFPage_GetCropBox').
    for (const m of readFileSync(join(HERE, f), 'utf8').matchAll(/\.((?:FPDF|PDFiumExt_)\w+)\(|'(FPDF\w*_\w+)'/g)) names.add((m[1] ?? m[2])!);
  }
  return [...names].sort();
}

describe('PDFium', () => {
  it('exports every function the extractor calls', async () => {
    const pdfium = (await loadPdfium()) as unknown as Record<string, unknown>;
    const called = calledFunctions();
    expect(called.length).toBeGreaterThan(30);
    expect(called.filter((name) => typeof pdfium[name] !== 'function')).toEqual([]);
  });

  it('exports from its WebAssembly every function called straight on it, each taking and giving numbers', async () => {
    const pdfium = await loadPdfium();
    const hot = hotFunctions(pdfium) as unknown as Record<string, unknown>;
    const exports = pdfium.pdfium.wasmExports as unknown as Record<string, unknown>;
    const names = readFileSync(join(HERE, 'pdfium.ts'), 'utf8').match(/const HOT = \[([\s\S]*?)\]/)![1]!.match(/'(\w+)'/g)!.map((q) => q.slice(1, -1));
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      expect(typeof exports[name], name).toBe('function');
      expect(hot[name]).toBe(exports[name]);
    }
  });

  it('opens a report: its pages and title', async () => {
    const doc = await openPdf(new Uint8Array(readFileSync(FIXTURE)), FIXTURE);
    try {
      expect(doc.pageCount).toBe(5);
      expect(doc.title()).toBe('洪泽区人民政府2023年政府信息公开工作年度报告');
    } finally {
      doc.close();
    }
  });
});
