/**
 * The committed Word 97-2003 fixtures (test/fixtures/doc, made by
 * scripts/render-fixture-docs.ts: the DOCX renderer's output saved as .doc by
 * LibreOffice) extract back to their labels, as .doc and as a WPS-named copy;
 * a .wps that is not Word-compatible fails with a reason naming its kind.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import { loadLabels } from './render/index.ts';
import { cellDifferences } from './support/label.ts';

const dir = new URL('./fixtures/doc/', import.meta.url).pathname;
const files = readdirSync(dir);
const labelled = loadLabels().flatMap(({ name, label }) =>
  files.filter((f) => f === `${name}.doc` || f === `${name}.wps`).map((f) => ({ file: join(dir, f), label })),
);

describe('committed .doc and .wps fixtures', () => {
  it('there is one .doc per labelled record and one Word-compatible .wps', () => {
    expect(labelled.filter((l) => l.file.endsWith('.doc'))).toHaveLength(loadLabels().length);
    expect(labelled.filter((l) => l.file.endsWith('.wps'))).toHaveLength(1);
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

  it('a .wps that is a compound document without Word inside fails naming what it is', async () => {
    await expect(extractRecord(join(dir, 'not-word.wps'))).rejects.toThrow(/cannot read this \.wps: it is a compound document without a WordDocument stream \(Kingsoft WPS 2000-2005 native format; streams: WpsContent\)/);
  });
});
