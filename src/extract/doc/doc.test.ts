/**
 * The .doc reader keeps the table grid: merged cells come back as spans (a
 * column-spanning header by its cell edges, a row-spanning label by its
 * vertical-merge flags), on a fixture LibreOffice saved as Word 97-2003.
 * Damaged input fails with a typed error naming the file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import CFB from 'cfb';
import type { Cell, TableBlock } from '../document.ts';
import { docExtractor } from './doc.ts';
import { wpsExtractor, wpsKind } from './wps.ts';

const fixture = new URL('../../../test/fixtures/doc/000_d4859fce74386304.doc', import.meta.url).pathname;
const bytes = new Uint8Array(readFileSync(fixture));

const origin = (tables: TableBlock[], text: string): Cell | undefined =>
  tables.flatMap((t) => t.rows.flat()).find((c) => !c.covered && c.text === text);

describe('.doc reader', () => {
  it('gives the three tables with their merged cells as spans', async () => {
    const doc = await docExtractor.extract(bytes, fixture);
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables).toHaveLength(3);
    expect(origin(tables, '申请人情况')).toMatchObject({ colSpan: 7, rowSpan: 1 });
    expect(origin(tables, '三、本年度办理结果')).toMatchObject({ rowSpan: 20, colSpan: 1 });
    expect(origin(tables, '（三）不予公开')).toMatchObject({ rowSpan: 8 });
    expect(origin(tables, '法人或其他组织')).toMatchObject({ colSpan: 5 });
    // Every row of a table is as wide as the grid.
    for (const t of tables) expect(new Set(t.rows.map((r) => r.length)).size).toBe(1);
    const applications = tables[1]!;
    const total = applications.rows.find((r) => r.some((c) => c.text === '（七）总计'))!;
    expect(total[0]).toMatchObject({ covered: true, text: '三、本年度办理结果' });
    expect(total.slice(-7).map((c) => c.text)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
  });

  it('keeps the paragraphs between the tables in order', async () => {
    const doc = await docExtractor.extract(bytes, fixture);
    const texts = doc.blocks.map((b) => (b.kind === 'table' ? '<table>' : b.text));
    expect(texts[0]).toBe('梁园区孙福集乡人民政府2020年政府信息公开工作年度报告');
    expect(texts.indexOf('三、收到和处理政府信息公开申请情况')).toBe(texts.indexOf('<table>') + 1);
  });

  it('fails with a typed error on bytes that are not a compound document, or one without Word inside', async () => {
    await expect(docExtractor.extract(new TextEncoder().encode('not a word file'), 'x.doc')).rejects.toMatchObject({ kind: 'corrupt', file: 'x.doc' });
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, 'Workbook', Buffer.from('x'));
    const other = new Uint8Array(CFB.write(container, { type: 'buffer' }) as Uint8Array);
    await expect(docExtractor.extract(other, 'y.doc')).rejects.toThrow(/no WordDocument stream/);
  });

  it('fails on a truncated file, not crashes', async () => {
    await expect(docExtractor.extract(bytes.subarray(0, 20000), 'cut.doc')).rejects.toMatchObject({ file: 'cut.doc' });
  });
});

describe('.wps kinds', () => {
  it('reads a Word-compatible .wps as a Word document', async () => {
    const doc = await wpsExtractor.extract(bytes, 'report.wps');
    expect(doc.format).toBe('wps');
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(3);
  });

  it('names the kind of a .wps it cannot read', async () => {
    expect(wpsKind(new Uint8Array([0x01, 0xfe, 0, 0]))).toMatch(/Microsoft Works 1-3/);
    expect(wpsKind(new TextEncoder().encode('PK\x03\x04rest'))).toMatch(/zip package without word\/document\.xml/);
    await expect(wpsExtractor.extract(new TextEncoder().encode('\x1b\x02WPS old text'), 'old.wps')).rejects.toThrow(/an old Kingsoft WPS \(DOS or WPS 97\) file/);
    await expect(wpsExtractor.extract(new TextEncoder().encode('\x1b\x02WPS old text'), 'old.wps')).rejects.toMatchObject({ kind: 'unsupported' });
  });
});
