/**
 * Renders the committed .xlsx fixture, test/fixtures/xlsx/<label>.xlsx: one
 * labelled record as a workbook of its three tables (test/render/xlsx.ts).
 * Needs nothing beyond npm ci. Run: node --import tsx scripts/render-fixture-xlsx.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLabels } from '../test/render/index.ts';
import { reportLayout } from '../test/render/report-layout.ts';
import { renderXlsx } from '../test/render/xlsx.ts';

/** The record rendered: one on the 2021 template with amounts in 万元. */
const LABEL = 'shuyang-fgj-2023';

const OUT = new URL('../test/fixtures/xlsx/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
const found = loadLabels().find((l) => l.name === LABEL);
if (!found) throw new Error(`no label ${LABEL}`);
writeFileSync(join(OUT, `${LABEL}.xlsx`), await renderXlsx(reportLayout(found.label)));
console.log(`${LABEL}.xlsx`);
