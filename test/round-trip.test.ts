/**
 * Round trip: every labelled record rendered in every format (HTML, GBK
 * HTML, DOCX, three text layouts) extracts back to exactly its label.
 */
import { writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import { extractorFor } from '../src/extract/registry.ts';
import { RENDERERS, loadLabels } from './render/index.ts';
import { cellDifferences } from './support/label.ts';
import { useTempDir } from './support/temp-dir.ts';

describe('round trip through every format', () => {
  const scratch = useTempDir('nianbao-roundtrip-');

  for (const renderer of RENDERERS) {
    describe(renderer.name, () => {
      for (const { name, label } of loadLabels()) {
        it(`${name} comes back as its label`, async () => {
          const file = join(scratch(), `${name}.${renderer.name}${renderer.ext}`);
          await writeFile(file, await renderer.render(label));
          const record = await extractRecord(file);
          expect(cellDifferences(label, record)).toEqual([]);
          expect(record.year).toBe(label.year);
          expect(record.agency).toBe(label.agency);
          expect(record.template).toBe(label.template);
        });
      }
    });
  }
});

/**
 * The committed PDF fixtures (test/fixtures/pdf, made by
 * scripts/render-fixture-pdfs.ts: the DOCX renderer's output converted by
 * LibreOffice) extract back to their labels. `<label>.long.pdf` has its 三
 * table broken over a page, with the header repeated on the next page;
 * `<label>.split.pdf` has a row broken over the page, its label cut in two;
 * `<label>.noborders.pdf` draws no cell borders (src/extract/pdf/pdf-text-table.test.ts
 * pins how its tables are rebuilt).
 */
describe('committed PDF fixtures', () => {
  const dir = new URL('./fixtures/pdf/', import.meta.url).pathname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
  const labelled = loadLabels().flatMap(({ name, label }) =>
    files.filter((f) => ['', '.long', '.split', '.noborders'].some((variant) => f === `${name}${variant}.pdf`)).map((f) => ({ file: join(dir, f), label })),
  );

  it('there is one PDF per labelled record, and a long, a split and a borderless one', () => {
    expect(labelled.length).toBe(loadLabels().length + 3);
  });

  for (const { file, label } of labelled) {
    it(`${basename(file)} comes back as its label`, async () => {
      const record = await extractRecord(file);
      expect(cellDifferences(label, record)).toEqual([]);
      expect(record.year).toBe(label.year);
      expect(record.agency).toBe(label.agency);
      expect(record.template).toBe(label.template);
    });
  }

  it('the split fixture really cuts a row label in two over the page break', async () => {
    const split = labelled.find((l) => l.file.endsWith('.split.pdf'))!;
    const record = await extractRecord(split.file);
    const row = record.cells.filter((c) => c.table === 'applications' && c.row === 'denied_prohibited_by_law');
    expect(row).toHaveLength(7);
    const doc = await (await extractorFor(split.file)).extract(new Uint8Array(readFileSync(split.file)), split.file);
    const labels = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat().filter((c) => !c.covered).map((c) => [c.text, c.source.page]) : []));
    expect(labels).toContainEqual(['2.其他', 1]);
    expect(labels).toContainEqual(['法律行政法规禁止公开', 2]);
  });

  it('the long fixture really breaks section 三 over a page', async () => {
    const long = labelled.find((l) => l.file.endsWith('.long.pdf'))!;
    const record = await extractRecord(long.file);
    const pages = new Set(record.cells.filter((c) => c.table === 'applications').map((c) => c.source.page));
    expect(pages.size).toBe(2);
  });
});
