/**
 * Renders the committed scanned fixtures under test/fixtures/scan/: every
 * labelled PDF fixture (test/fixtures/pdf/<label>.pdf) printed and scanned
 * again, with no text layer:
 *
 *   <label>.<dpi>dpi.pdf   each page rendered at 150 and 200 dpi in grey
 *                          (pdftoppm), turned slightly (a fixed angle per
 *                          page, under a degree), with a little noise, saved
 *                          as JPEG and wrapped in a PDF of images (img2pdf);
 *   <label>.page1.png      the first page of one record at 150 dpi as a
 *                          picture attachment, and .page2.png its second;
 *   <label>.pictures.html  a saved page (GBK-free UTF-8) whose report is
 *                          those two pictures, as 图片版 pages publish it.
 *
 * Needs (Debian): poppler-utils imagemagick img2pdf.
 * Run: node --import tsx scripts/render-fixture-scans.ts [--pictures-only]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLabels } from '../test/render/index.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PDFS = join(ROOT, 'test/fixtures/pdf');
const OUT = join(ROOT, 'test/fixtures/scan');
/** Scan resolutions, dots per inch. */
const DPIS = [150, 200];
/** Page turns in degrees, taken in turn page by page: what a sheet fed by hand does. */
const ANGLES = [0.4, -0.3, 0.6, -0.5, 0.2];
/** JPEG quality of the scanned pages: low, as scanners save to keep files small. */
const JPEG_QUALITY = 55;
/** The record also given as a picture of its first page. */
const PICTURE_LABEL = '003_67fd554f9e32afcc';

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-fixture-scans-'));

function sh(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** One page image as a scanner gives it: turned, noisy, grey JPEG at the given density. */
function scanPage(png: string, out: string, dpi: number, angle: number, seed: number): void {
  sh('convert', [png, '-seed', String(seed), '-background', 'white', '-rotate', String(angle), '-attenuate', '0.4', '+noise', 'Gaussian',
    '-colorspace', 'Gray', '-units', 'PixelsPerInch', '-density', String(dpi), '-quality', String(JPEG_QUALITY), out]);
}

/** A saved page whose report is pictures of its pages: title in the HTML, the rest in <img>. */
function picturesPage(name: string, title: string): void {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}（图片版）</title></head><body>
<h1>${title}（图片版）</h1>
<p><img src="${name}.page1.png" alt="第1页"></p>
<p><img src="${name}.page2.png" alt="第2页"></p>
</body></html>
`;
  writeFileSync(join(OUT, `${name}.pictures.html`), html);
  console.log(`${name}.pictures.html`);
}

mkdirSync(OUT, { recursive: true });
try {
  for (const { name, label } of loadLabels()) {
    const pictures = name === PICTURE_LABEL;
    if (process.argv.includes('--pictures-only') && !pictures) continue;
    for (const dpi of DPIS) {
      const dir = join(tmp, `${name}-${dpi}`);
      mkdirSync(dir);
      sh('pdftoppm', ['-r', String(dpi), '-gray', '-png', join(PDFS, `${name}.pdf`), join(dir, 'p')]);
      const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
      const jpegs = pages.map((png, i) => {
        const jpg = join(dir, png.replace(/\.png$/, '.jpg'));
        scanPage(join(dir, png), jpg, dpi, ANGLES[i % ANGLES.length]!, i + 1);
        return jpg;
      });
      sh('img2pdf', ['-o', join(OUT, `${name}.${dpi}dpi.pdf`), ...jpegs]);
      console.log(`${name}.${dpi}dpi.pdf (${pages.length} pages)`);
      if (pictures && dpi === DPIS[0]) {
        jpegs.slice(0, 2).forEach((jpg, i) => sh('convert', [jpg, '-quality', '90', join(OUT, `${name}.page${i + 1}.png`)]));
        console.log(`${name}.page1.png, ${name}.page2.png`);
        picturesPage(name, `${label.agency}${label.year}年政府信息公开工作年度报告`);
      }
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
