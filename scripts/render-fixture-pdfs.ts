/**
 * Renders the committed PDF fixtures under test/fixtures/pdf/, so CI needs no
 * LibreOffice:
 *
 *   <label>.pdf       every labelled record through the DOCX renderer
 *                     (test/render), converted by LibreOffice headless;
 *   <label>.long.pdf  one record with extra narrative before section 三, so
 *                     the 三 table breaks across a page and repeats its header;
 *   <label>.split.pdf one record with narrow label columns whose rows may
 *                     break over a page, so a row's label is cut in two by
 *                     the page break (its numbers on the first page);
 *   <label>.noborders.pdf one record with no cell borders, so the tables must
 *                     be rebuilt from text alignment alone;
 *   scanned.pdf       a page of a real report as an image only (no text layer);
 *   encrypted.pdf     a real page behind a user password;
 *   truncated.pdf     a real page cut short;
 *   unmapped.pdf      a page of text whose font maps every glyph to a
 *                     private-use code point (乱码 when copied);
 *   turned.pdf        002_02af2ddfabc85d6c.pdf with every page's content
 *                     drawn a quarter turn round, in a landscape media box
 *                     that does not start at 0,0, and /Rotate 90 turning it
 *                     back: it shows exactly as the original.
 *
 * Needs (Debian): libreoffice-writer-nogui fonts-noto-cjk poppler-utils qpdf
 * img2pdf zip unzip. Run: node --import tsx scripts/render-fixture-pdfs.ts
 * [--labelled-only | --broken-only | --turned-only]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDocx } from '../test/render/docx.ts';
import { RENDERERS, loadLabels } from '../test/render/index.ts';
import { reportLayout } from '../test/render/report-layout.ts';
import type { Label } from '../test/support/label.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'test/fixtures/pdf');
const CORPUS_PDF = join(ROOT, 'test/fixtures/corpus/docs/hzq2023_working.pdf');
/** Resolution of scanned.pdf: what a township office's scanner gives at its lowest setting, and enough for OCR to read the digits. */
const SCAN_DPI = 150;
/** The record rendered long: the one labelled from a real PDF. */
const LONG_LABEL = 'hzq2023_working';
/** The record rendered with a row split by the page break, and the label piece that must land on the next page. */
const SPLIT_LABEL = '000_d4859fce74386304';
const SPLIT_TAIL = '法律行政法规禁止公开';
/** The record rendered without cell borders. */
const NOBORDERS_LABEL = 'shuyang-county-2025';

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-fixture-pdfs-'));

function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** DOCX -> PDF with LibreOffice headless (a private profile, so it runs beside an open LibreOffice). */
function toPdf(docx: string): string {
  const profile = `file://${join(tmp, 'lo-profile')}`;
  sh('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx]);
  return docx.replace(/\.docx$/, '.pdf');
}

/** Page numbers (1-based) on which `text` occurs, by pdftotext. */
function pagesWith(pdf: string, text: string): number[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', [pdf]))?.[1] ?? 0);
  const found: number[] = [];
  for (let p = 1; p <= pages; p++) {
    if (sh('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-']).replace(/\s+/g, '').includes(text)) found.push(p);
  }
  return found;
}

/**
 * The long variant: filler paragraphs before the section 三 heading push its
 * table over a page break. The renderer marks the table's header rows as
 * repeating, so LibreOffice prints them again at the top of the next page.
 */
function lengthen(docx: string, fillers: number): string {
  const dir = join(tmp, `long-${fillers}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  sh('unzip', ['-q', '-o', docx, '-d', dir]);
  const xmlPath = join(dir, 'word/document.xml');
  const xml = readFileSync(xmlPath, 'utf8');
  const heading = xml.indexOf('收到和处理');
  if (heading < 0) throw new Error('section 三 heading not found in the rendered DOCX');
  const paraStart = Math.max(xml.lastIndexOf('<w:p>', heading), xml.lastIndexOf('<w:p ', heading));
  const filler = Array.from(
    { length: fillers },
    (_, i) =>
      `<w:p><w:r><w:t>（补充说明${i + 1}）本年度持续规范依申请公开办理流程，严格按照法定时限答复申请人，加强答复文书合法性审查，做好政府信息公开申请的登记、审核、办理、答复、归档等各环节工作。</w:t></w:r></w:p>`,
  ).join('');
  writeFileSync(xmlPath, xml.slice(0, paraStart) + filler + xml.slice(paraStart));
  const out = join(tmp, `${LONG_LABEL}.long.docx`);
  rmSync(out, { force: true });
  sh('zip', ['-q', '-X', '-r', out, '[Content_Types].xml', '.'], dir);
  return out;
}

/** Equal column widths squeeze the label columns, so labels wrap and a row breaks over the page. */
async function renderSplit(label: Label): Promise<void> {
  const layout = reportLayout(label);
  for (const block of layout.blocks) if (block.kind === 'table') block.columnWidths = block.columnWidths.map(() => 1);
  const file = join(tmp, `${SPLIT_LABEL}.split.docx`);
  writeFileSync(file, await renderDocx(layout, { rowsMaySplit: true }));
  const pdf = toPdf(file);
  const pages = pagesWith(pdf, SPLIT_TAIL);
  const heads = pagesWith(pdf, '2.其他');
  if (pages.length !== 1 || heads[0] === undefined || pages[0] !== heads[0] + 1) throw new Error(`${SPLIT_LABEL}.split: the row did not break over the page (pages ${heads} and ${pages})`);
  copyFileSync(pdf, join(OUT, `${SPLIT_LABEL}.split.pdf`));
  console.log(`${SPLIT_LABEL}.split.pdf (row 2.其他法律行政法规禁止公开 on pages ${heads[0]}-${pages[0]})`);
}

async function renderNoBorders(label: Label): Promise<void> {
  const file = join(tmp, `${NOBORDERS_LABEL}.noborders.docx`);
  writeFileSync(file, await renderDocx(reportLayout(label), { noBorders: true }));
  copyFileSync(toPdf(file), join(OUT, `${NOBORDERS_LABEL}.noborders.pdf`));
  console.log(`${NOBORDERS_LABEL}.noborders.pdf`);
}

async function renderLabelled(): Promise<void> {
  const docx = RENDERERS.find((r) => r.ext === '.docx');
  if (!docx) throw new Error('test/render has no DOCX renderer');
  for (const { name, label } of loadLabels()) {
    const file = join(tmp, `${name}.docx`);
    writeFileSync(file, await docx.render(label));
    copyFileSync(toPdf(file), join(OUT, `${name}.pdf`));
    console.log(`${name}.pdf`);
    if (name === SPLIT_LABEL) await renderSplit(label);
    if (name === NOBORDERS_LABEL) await renderNoBorders(label);
    if (name !== LONG_LABEL) continue;
    // Enough filler that the 三 table starts on one page and ends on the next.
    for (const fillers of [8, 12, 16, 20, 24, 28, 32]) {
      const pdf = toPdf(lengthen(file, fillers));
      const first = pagesWith(pdf, '本年新收')[0];
      const last = pagesWith(pdf, '结转下年度')[0];
      if (first !== undefined && last !== undefined && last > first) {
        copyFileSync(pdf, join(OUT, `${name}.long.pdf`));
        console.log(`${name}.long.pdf (${fillers} filler paragraphs; 三 table on pages ${first}-${last})`);
        break;
      }
    }
  }
}

/**
 * A one-page PDF whose only font has a ToUnicode map sending every glyph to
 * the private use area, as fonts embedded without a usable Unicode map do.
 */
function unmappedPdf(): Buffer {
  const codes = Array.from({ length: 40 }, (_, i) => String.fromCharCode(0x41 + i)).join('');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    '1 beginbfrange <41> <68> <E000> endbfrange',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const content = Array.from({ length: 20 }, (_, i) => `BT /F1 12 Tf 50 ${780 - i * 30} Td (${codes}) Tj ET`).join('\n');
  const stream = (s: string) => `<< /Length ${Buffer.byteLength(s)} >>\nstream\n${s}\nendstream`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>',
    stream(content),
    stream(cmap),
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = Buffer.byteLength(pdf);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Scanned, encrypted, truncated and unmapped PDFs, the first three made from a real report. */
function renderBroken(): void {
  // A scan: page 3 (tables) as a grey image at SCAN_DPI, wrapped in a PDF with no text.
  sh('pdftoppm', ['-f', '3', '-l', '3', '-r', String(SCAN_DPI), '-gray', '-png', CORPUS_PDF, join(tmp, 'scan')]);
  const png = sh('ls', [tmp]).split('\n').find((f) => f.startsWith('scan') && f.endsWith('.png'));
  if (!png) throw new Error('pdftoppm produced no image');
  sh('img2pdf', ['-o', join(OUT, 'scanned.pdf'), join(tmp, png)]);
  console.log('scanned.pdf');

  // One real page (the last, short one) as the base of the encrypted and truncated files.
  const page = join(tmp, 'page.pdf');
  sh('qpdf', ['--empty', '--pages', CORPUS_PDF, '5', '--', page]);
  sh('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', page, join(OUT, 'encrypted.pdf')]);
  console.log('encrypted.pdf');
  const bytes = readFileSync(page);
  writeFileSync(join(OUT, 'truncated.pdf'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  console.log('truncated.pdf');
  writeFileSync(join(OUT, 'unmapped.pdf'), unmappedPdf());
  console.log('unmapped.pdf');
}

/**
 * turned.pdf (see the top): each page's content wrapped in `q 0 1 -1 0 e f cm … Q`,
 * its media box [X0 Y0 X0+H Y0+W], /Rotate 90. Edited as qpdf's QDF text, lengths fixed by fix-qdf.
 */
function renderTurned(): void {
  const X0 = 40;
  const Y0 = 70;
  const qdf = join(tmp, 'turned.qdf');
  sh('qpdf', ['--qdf', '--object-streams=disable', join(OUT, '002_02af2ddfabc85d6c.pdf'), qdf]);
  let text = readFileSync(qdf, 'latin1');
  let w = 0;
  let h = 0;
  text = text.replace(/\/MediaBox \[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g, (_, pw: string, ph: string) => {
    w = Number(pw);
    h = Number(ph);
    return `/MediaBox [ ${X0} ${Y0} ${X0 + h} ${Y0 + w} ] /Rotate 90`;
  });
  // Every page's content stream: "%% Contents for page N" … "stream\n" … "endstream".
  text = text.replace(/(%% Contents for page \d+\n(?:.*\n)*?stream\n)([\s\S]*?)(endstream)/g, (_, head: string, body: string, end: string) => {
    return `${head}q 0 1 -1 0 ${h + X0} ${Y0} cm\n${body}\nQ\n${end}`;
  });
  writeFileSync(qdf, text, 'latin1');
  writeFileSync(join(OUT, 'turned.pdf'), execFileSync('fix-qdf', [qdf]));
  console.log('turned.pdf');
}

mkdirSync(OUT, { recursive: true });
try {
  const only = process.argv.find((a) => a.endsWith('-only'));
  if (!only || only === '--broken-only') renderBroken();
  if (!only || only === '--labelled-only') await renderLabelled();
  if (!only || only === '--turned-only') renderTurned();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
