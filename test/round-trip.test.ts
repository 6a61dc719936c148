/**
 * Round trip: every labelled record rendered in every format (HTML, GBK
 * HTML, DOCX, three text layouts) extracts back to exactly its label.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractRecord } from '../pipeline/extract-record.ts';
import { RENDERERS, loadLabels } from './render/index.ts';
import { cellDifferences } from './support/label.ts';

describe('round trip through every format', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-roundtrip-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const renderer of RENDERERS) {
    describe(renderer.name, () => {
      for (const { name, label } of loadLabels()) {
        it(`${name} comes back as its label`, async () => {
          const file = join(dir, `${name}.${renderer.name}${renderer.ext}`);
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
