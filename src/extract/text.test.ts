/**
 * The text/markdown extractor on the corpus copies in test/fixtures. Expected
 * cell values come from the labels (test/fixtures/corpus/labels) where a label
 * exists; structural facts (table counts, wrapped cells) were read off the
 * files with `sed 's/\t/→/g'`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmptyFileError } from '../errors.ts';
import type { Block, Cell, DocumentModel, TableBlock } from './document.ts';
import { textExtractor } from './text.ts';

const DOCS = 'test/fixtures/corpus/docs';
const LABELS = 'test/fixtures/corpus/labels';

async function extract(name: string): Promise<DocumentModel> {
  const file = join(DOCS, name);
  return textExtractor.extract(readFileSync(file), file);
}

function label(name: string): { applications: Record<string, Array<number | null>>; review_litigation: Record<string, Array<number | null>>; active_disclosure: Record<string, Record<string, number | null>> } {
  return JSON.parse(readFileSync(join(LABELS, name.replace(/\.(txt|md)$/, '.json')), 'utf8'));
}

const tables = (blocks: readonly Block[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (row: readonly Cell[]): string[] => row.map((c) => c.text);

/** Blocks after the first heading/paragraph starting with `from`, up to the next one starting with `to`. */
function between(doc: DocumentModel, from: string, to: string): Block[] {
  const isText = (b: Block, s: string) => b.kind !== 'table' && b.text.startsWith(s);
  const start = doc.blocks.findIndex((b) => isText(b, from));
  const end = doc.blocks.findIndex((b, i) => i > start && isText(b, to));
  expect(start, `no block starting "${from}"`).toBeGreaterThanOrEqual(0);
  expect(end, `no block starting "${to}"`).toBeGreaterThan(start);
  return doc.blocks.slice(start + 1, end);
}

/** The table row holding a cell with exactly this text, and that cell's column. */
function rowWith(doc: DocumentModel, text: string): { row: Cell[]; col: number } {
  for (const t of tables(doc.blocks)) {
    for (const row of t.rows) {
      const col = row.findIndex((c) => c.text === text);
      if (col >= 0) return { row, col };
    }
  }
  throw new Error(`no cell "${text}"`);
}

/** Cells after the label cell. */
function after(doc: DocumentModel, text: string): string[] {
  const { row, col } = rowWith(doc, text);
  return texts(row.slice(col + 1));
}

const printed = (cells: string[]) => cells.filter((t) => t !== '');
const asPrinted = (values: Array<number | null>) => values.filter((v): v is number => v !== null).map(String);

describe('tab-separated rows (000, 001)', () => {
  it('000: one table per section, a blank line inside section 二 does not split it', async () => {
    const doc = await extract('000_d4859fce74386304.txt');
    expect(doc.format).toBe('text');
    expect(tables(between(doc, '二、主动公开', '三、收到和处理'))).toHaveLength(1);
    expect(tables(between(doc, '三、收到和处理', '四、政府信息公开行政复议'))).toHaveLength(1);
    expect(tables(between(doc, '四、政府信息公开行政复议', '五、存在的主要问题'))).toHaveLength(1);
    // 规章 and 规范性文件 are separated by a blank line in the file; both rows sit in the one table.
    const [active] = tables(between(doc, '二、主动公开', '三、收到和处理'));
    const labels = active!.rows.map((r) => r[0]?.text);
    expect(labels.indexOf('规范性文件')).toBe(labels.indexOf('规章') + 1);
    expect(texts(active!.rows[labels.indexOf('规范性文件')]!)).toEqual(['规范性文件', '0', '0', '0']);
  });

  it('000: section 三 rows carry the label values in order; leading tabs give empty cells', async () => {
    const doc = await extract('000_d4859fce74386304.txt');
    const l = label('000_d4859fce74386304.txt');
    expect(printed(after(doc, '一、本年新收政府信息公开申请数量'))).toEqual(asPrinted(l.applications.new_received!));
    expect(printed(after(doc, '(七)总计'))).toEqual(asPrinted(l.applications.total_handled!));
    const { row, col } = rowWith(doc, '2.其他法律行政法规禁止公开');
    expect(col).toBe(2);
    expect(texts(row.slice(0, 2))).toEqual(['', '']);
    // The review/litigation value row: 15 cells, matching the label's three parts.
    const review = tables(between(doc, '四、政府信息公开行政复议', '五、存在的主要问题'))[0]!;
    const lr = l.review_litigation;
    expect(texts(review.rows[review.rows.length - 1]!)).toEqual(
      asPrinted([...lr.review!, ...lr.litigation_direct!, ...lr.litigation_after_review!]),
    );
  });

  it('001: result rows printed blank come out as empty cells, not dropped', async () => {
    const doc = await extract('001_9facb60fdd4eb9b0.txt');
    const l = label('001_9facb60fdd4eb9b0.txt');
    expect(l.applications.granted!.every((v) => v === null)).toBe(true);
    const granted = after(doc, '(一) 予以公开');
    expect(granted.length).toBeGreaterThanOrEqual(7);
    expect(printed(granted)).toEqual([]);
    const total = after(doc, '(七) 总计');
    expect(total.length).toBeGreaterThanOrEqual(7);
    expect(printed(total)).toEqual([]);
    expect(printed(after(doc, '四、结转下年度继续办理'))).toEqual(asPrinted(l.applications.carried_forward!));
  });
});

describe('one cell per line (002, 003)', () => {
  it('002: a header wrapped over two lines is one cell, joined without a space', async () => {
    const doc = await extract('002_02af2ddfabc85d6c.txt');
    const { row } = rowWith(doc, '本年新制作数量');
    expect(texts(row)).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(tables(between(doc, '二、主动公开', '三、收到和处理'))).toHaveLength(1);
    expect(tables(between(doc, '三、收到和处理', '四、政府信息公开行政复议'))).toHaveLength(1);
  });

  it('002: rows carry the label values; blank cells stay empty', async () => {
    const doc = await extract('002_02af2ddfabc85d6c.txt');
    const l = label('002_02af2ddfabc85d6c.txt');
    expect(after(doc, '一、本年新收政府信息公开申请数量')).toEqual(asPrinted(l.applications.new_received!));
    expect(after(doc, '（七）总计')).toEqual(asPrinted(l.applications.total_handled!));
    // "\t" lines are blank cells in place: 其他对外管理服务事项 prints nothing for 上一年项目数量.
    const other = l.active_disclosure.other_admin_services!;
    expect(after(doc, '其他对外管理服务事项')).toEqual([other.prev_year_items, other.change, other.decisions].map((v) => (v === null ? '' : String(v))));
    const coercion = l.active_disclosure.admin_coercion!;
    expect(after(doc, '行政强制')).toEqual([coercion.prev_year_items, coercion.change, coercion.decisions].map((v) => (v === null ? '' : String(v))));
  });

  it('002: NBSP-only lines before "8.属于行政查询事项" are blank lines/cells; the row keeps its shape', async () => {
    const doc = await extract('002_02af2ddfabc85d6c.txt');
    const { row, col } = rowWith(doc, '8.属于行政查询事项');
    expect(col).toBe(2);
    expect(texts(row.slice(0, 2))).toEqual(['', '']);
    expect(texts(row.slice(3))).toEqual(asPrinted(label('002_02af2ddfabc85d6c.txt').applications.denied_query_matter!));
  });

  it('002: a row split by a stray blank line (行政事业性收费) is put back together', async () => {
    const doc = await extract('002_02af2ddfabc85d6c.txt');
    const fees = label('002_02af2ddfabc85d6c.txt').active_disclosure.admin_fees!;
    expect(after(doc, '行政事业性收费')).toEqual([fees.prev_year_items, fees.change].map((v) => (v === null ? '' : String(v))));
  });

  it('003: three tables, review row of 15 values, full-width numbering kept', async () => {
    const doc = await extract('003_67fd554f9e32afcc.txt');
    expect(tables(doc.blocks)).toHaveLength(3);
    const review = tables(between(doc, '四、政府信息公开行政复议', '五、存在的主要问题'))[0]!;
    expect(review.rows).toHaveLength(4);
    expect(texts(review.rows[3]!)).toHaveLength(15);
    expect(after(doc, '1．本单位不掌握相关政府信息')).toEqual(asPrinted(label('003_67fd554f9e32afcc.txt').applications.unable_not_held!));
    // The table ends at the text line; the paragraph after it is not swallowed as a cell.
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === '三、收到和处理政府信息公开申请情况')).toBe(true);
  });
});

describe('markdown pipe tables (004, shuyang)', () => {
  it('004: a table split by a blank line stays two tables; the wrapped label tail is its own cell', async () => {
    const doc = await extract('004_7180246cedc2b1d8.txt');
    expect(tables(between(doc, '二、主动公开', '三、收到和处理'))).toHaveLength(2);
    const apps = tables(between(doc, '三、收到和处理', '四、政府信息公开行政复议'));
    expect(apps).toHaveLength(2);
    const firstLast = apps[0]!.rows[apps[0]!.rows.length - 1]!;
    expect(firstLast[1]?.text).toBe('2.没有现成信息需');
    expect(apps[1]!.rows.some((r) => r.some((c) => c.text === '要另行制作'))).toBe(true);
    // The header row "| | | … |" of the second part is kept as empty cells; delimiter rows are gone.
    expect(texts(apps[1]!.rows[0]!).every((t) => t === '')).toBe(true);
    for (const t of tables(doc.blocks)) for (const r of t.rows) for (const c of r) expect(c.text).not.toMatch(/^-{3,}$/);
  });

  it('004: misaligned rows are kept as printed (the （三） rows have an extra leading cell)', async () => {
    const doc = await extract('004_7180246cedc2b1d8.txt');
    const l = label('004_7180246cedc2b1d8.txt');
    expect(rowWith(doc, '1.属于国家秘密').col).toBe(2);
    expect(rowWith(doc, '1.本机关不掌握相关政府信息').col).toBe(1);
    expect(printed(after(doc, '1.属于国家秘密'))).toEqual(asPrinted(l.applications.denied_state_secret!));
    expect(printed(after(doc, '本年新收政府信息公开申请数量'))).toEqual(asPrinted(l.applications.new_received!));
  });

  it('shuyang: # headings with levels, pipe tables with label values, "- | -" rows kept as data', async () => {
    const doc = await extract('shuyang-county-2025.txt');
    const l = label('shuyang-county-2025.txt');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: '沐阳县人民政府 2025 年 政府信息公开工作年度报告' });
    expect(doc.blocks.find((b) => b.kind === 'heading' && b.text === '一、总体情况')).toMatchObject({ level: 2 });
    expect(doc.blocks.find((b) => b.kind === 'heading' && b.text.startsWith('一是强化流程管控'))).toMatchObject({ level: 4 });
    expect(after(doc, '本年新收政府信息公开申请数量')).toEqual(asPrinted(l.applications.new_received!));
    expect(after(doc, '（七）总计')).toEqual(asPrinted(l.applications.total_handled!));
    // 行政复议: header row then the value row, under its own heading.
    const review = tables(between(doc, '行政复议', '行政诉讼（未经复议直接起诉）'));
    expect(review).toHaveLength(1);
    expect(texts(review[0]!.rows[1]!)).toEqual(asPrinted(l.review_litigation.review!));
    const dashes = tables(between(doc, '申请人情况 (法人或其他组织)', '申请人情况 (总计)'))[0]!;
    expect(texts(dashes.rows[1]!)).toEqual(['-', '-', '-', '-', '-']);
    // One table block per run of pipe lines: 19 runs in the file (4 in 二, 12 in 三, 3 in 四).
    expect(tables(doc.blocks)).toHaveLength(19);
  });
});

describe('every text document in the corpus', () => {
  const files = readdirSync(DOCS).filter((f) => /\.(txt|md)$/.test(f));

  it.each(files)('%s extracts with tables and consistent provenance', async (name) => {
    const doc = await extract(name);
    expect(doc.format).toBe(name.endsWith('.md') ? 'markdown' : 'text');
    // A crawler's save (标题: … header, the page's text on one line) has no table layout; its header is the title and meta.
    if (doc.meta) expect(doc.title).toBe(doc.meta['标题']);
    else expect(tables(doc.blocks).length).toBeGreaterThan(0);
    doc.blocks.forEach((b, i) => {
      expect(b.source).toEqual({ file: join(DOCS, name), block: i });
      if (b.kind === 'table') {
        b.rows.forEach((row, r) => row.forEach((c, col) => expect(c.source).toEqual({ file: join(DOCS, name), block: i, row: r, col })));
      } else {
        expect(b.text).not.toBe('');
        expect(b.text).not.toContain('\t');
      }
    });
  });

  it('CRLF line ends give the same model as LF', async () => {
    const file = join(DOCS, '002_02af2ddfabc85d6c.txt');
    const lf = readFileSync(file);
    const crlf = Buffer.from(lf.toString('utf8').replace(/\n/g, '\r\n'), 'utf8');
    expect(await textExtractor.extract(crlf, file)).toEqual(await textExtractor.extract(lf, file));
  });

  it('a UTF-8 BOM is dropped', async () => {
    const file = join(DOCS, '000_d4859fce74386304.txt');
    const plain = readFileSync(file);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(await textExtractor.extract(withBom, file)).toEqual(await textExtractor.extract(plain, file));
  });
});

describe('decoding and empty input', () => {
  it('decodes a GBK/GB18030 file', async () => {
    const file = 'test/fixtures/text/gbk-sample.txt';
    const bytes = readFileSync(file);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const doc = await textExtractor.extract(bytes, file);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '二、主动公开政府信息情况' });
    const [t] = tables(doc.blocks);
    expect(t!.rows.map(texts)).toEqual([
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      ['规范性文件', '12', '11', '305'],
    ]);
  });

  it('.md files report the markdown format', async () => {
    expect((await extract('kewei-2024-source.md')).format).toBe('markdown');
  });

  it('an empty file throws EmptyFileError naming the file', async () => {
    const err = await textExtractor.extract(new Uint8Array(0), 'reports/empty.txt').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmptyFileError);
    expect((err as EmptyFileError).file).toBe('reports/empty.txt');
    expect((err as EmptyFileError).kind).toBe('empty');
  });

  it('a file of white space only (incl. NBSP, full-width space, BOM) throws EmptyFileError', async () => {
    const bytes = Buffer.from('\ufeff  \r\n\u00a0\n\u3000\n', 'utf8');
    await expect(textExtractor.extract(bytes, 'blank.md')).rejects.toBeInstanceOf(EmptyFileError);
  });
});
