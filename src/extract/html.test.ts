import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorruptFileError, EmptyFileError } from '../errors.ts';
import type { DocumentModel, TableBlock } from './document.ts';
import iconv from 'iconv-lite';
import { htmlExtractor } from './html.ts';

const fixture = (p: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const tables = (d: DocumentModel) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (t: TableBlock) => t.rows.map((r) => r.map((c) => c.text));

describe('htmlExtractor', () => {
  it('decodes GB2312 pages by their meta charset and GBK pages without one', async () => {
    for (const f of ['html/gb2312-meta.html', 'html/gbk-no-meta.html']) {
      const d = await htmlExtractor.extract(fixture(f), f);
      expect(d.blocks[0]).toMatchObject({ kind: 'paragraph', text: '某某镇人民政府2022年政府信息公开工作年度报告' });
      expect(texts(tables(d)[0]!)).toEqual([
        ['行政复议', '结果维持'],
        ['行政复议', '１２'],
      ]);
    }
  });

  it('resolves rowspan and colspan into a grid with covered copies', async () => {
    const html = '<table><tr><td colspan="2">申请人情况</td><td rowspan="2">总计</td></tr><tr><td>自然人</td><td>商业<br>企业</td></tr><tr><td>3</td><td>&nbsp;</td><td>3</td></tr></table>';
    const [t] = tables(await htmlExtractor.extract(utf8(html), 'x.html'));
    expect(texts(t!)).toEqual([
      ['申请人情况', '申请人情况', '总计'],
      ['自然人', '商业 企业', '总计'],
      ['3', '', '3'],
    ]);
    expect(t!.rows[0]!.map((c) => c.covered)).toEqual([false, true, false]);
    expect(t!.rows[1]![2]).toMatchObject({ covered: true, rowSpan: 2, source: { row: 0, col: 2 } });
  });

  it('joins a number Word split over several spans', async () => {
    const html = '<table><tr><td><p><span>2</span><span>6</span><o:p></o:p></p></td><td><span lang="EN-US">1<span>0</span>5</span></td></tr></table>';
    const [t] = tables(await htmlExtractor.extract(utf8(html), 'x.html'));
    expect(texts(t!)).toEqual([['26', '105']]);
  });

  it('walks layout tables instead of emitting them as grids', async () => {
    const html = '<table><tr><td><div>导航 首页</div></td><td><p>正文</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>';
    const d = await htmlExtractor.extract(utf8(html), 'x.html');
    expect(tables(d)).toHaveLength(1);
    expect(texts(tables(d)[0]!)).toEqual([['规章', '0']]);
    expect(d.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['导航 首页', '正文']);
  });

  it('reads the saved shuyang page: blank applicant columns stay empty cells in their place', async () => {
    const f = 'corpus/docs/shuyang-fgj-2023.html';
    const d = await htmlExtractor.extract(fixture(f), f);
    const row = tables(d)
      .flatMap((t) => t.rows)
      .find((r) => r.some((c) => c.text.replace(/\s/g, '').includes('本年新收政府信息公开申请数量')));
    const values = row!.filter((c) => !c.covered).map((c) => c.text).slice(-7);
    expect(values).toEqual(['26', '', '', '', '', '', '26']);
    expect(d.title).toContain('沭阳县发展和改革局');
  });

  it('refuses an empty file', async () => {
    await expect(htmlExtractor.extract(new Uint8Array(), 'empty.html')).rejects.toBeInstanceOf(EmptyFileError);
  });
});

describe('docxExtractor', () => {
  it('keeps merged cells of a Word table as spans', async () => {
    const { Document, Packer, Paragraph, Table, TableRow, TableCell } = await import('docx');
    const cell = (text: string, span: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: [new Paragraph(text)], ...span });
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph('某某县人民政府2023年政府信息公开工作年度报告'),
          new Table({
            rows: [
              new TableRow({ children: [cell('（三）不予公开', { rowSpan: 2 }), cell('1.属于国家秘密'), cell('0')] }),
              new TableRow({ children: [cell('2.其他法律行政法规禁止公开'), cell('1')] }),
              new TableRow({ children: [cell('（七）总计', { columnSpan: 2 }), cell('5')] }),
            ],
          }),
        ],
      }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const { docxExtractor } = await import('./docx.ts');
    const d = await docxExtractor.extract(bytes, 'x.docx');
    expect(d.format).toBe('docx');
    const [t] = tables(d);
    expect(texts(t!)).toEqual([
      ['（三）不予公开', '1.属于国家秘密', '0'],
      ['（三）不予公开', '2.其他法律行政法规禁止公开', '1'],
      ['（七）总计', '（七）总计', '5'],
    ]);
    expect(t!.rows[1]![0]!.covered).toBe(true);
  });

  it('names a corrupt file and the reason', async () => {
    const { docxExtractor } = await import('./docx.ts');
    const bad = utf8('PK\u0003\u0004 not really a zip');
    await expect(docxExtractor.extract(bad, 'bad.docx')).rejects.toThrow(CorruptFileError);
    await expect(docxExtractor.extract(bad, 'bad.docx')).rejects.toMatchObject({ file: 'bad.docx', message: expect.stringMatching(/not a readable DOCX/) });
  });
});

describe('a page whose meta charset says UTF-8 while its bytes are GBK (Word-exported pages)', () => {
  it('notices the invalid UTF-8, reads the page as GB18030 and says so', async () => {
    const page = '<html><head><meta charset="utf-8"><title>报告</title></head><body><p>某某镇人民政府2022年政府信息公开工作年度报告</p><table><tr><td>行政复议</td><td>结果维持</td></tr></table></body></html>';
    const gbk = new Uint8Array(iconv.encode(page, 'gbk'));
    const d = await htmlExtractor.extract(gbk, 'word.html');
    expect(d.blocks[0]).toMatchObject({ kind: 'paragraph', text: '某某镇人民政府2022年政府信息公开工作年度报告' });
    expect(d.notes).toEqual([{ code: 'charset_mismatch', message: expect.stringContaining('declares charset utf-8') }]);
    // A page that is what it declares carries no note.
    expect((await htmlExtractor.extract(utf8(page), 'ok.html')).notes).toBeUndefined();
  });
});

describe('a UTF-8 page with a stray byte', () => {
  it('stays UTF-8 (its text intact) and says so', async () => {
    const head = utf8('<html><head><meta charset="utf-8"></head><body><p>某某镇人民政府2022年政府信息公开工作年度报告</p><p>' + '正文'.repeat(200) + '</p>');
    const bytes = new Uint8Array([...head, 0xff, ...utf8('</body></html>')]);
    const d = await htmlExtractor.extract(bytes, 'stray.html');
    expect(d.blocks[0]).toMatchObject({ kind: 'paragraph', text: '某某镇人民政府2022年政府信息公开工作年度报告' });
    expect(d.notes?.[0]?.message).toContain('not UTF-8');
  });
});
