/**
 * Renders the committed Word 97-2003 fixtures under test/fixtures/doc/, so
 * CI needs no LibreOffice:
 *
 *   <label>.doc        every labelled record through the DOCX renderer
 *                      (test/render), saved as .doc by LibreOffice headless;
 *   <label>.wps        one of them under the name WPS Office gives it (WPS
 *                      writes a Word 97-2003 compound document);
 *   not-word.wps       a compound document with no WordDocument stream, the
 *                      container of a WPS-native file nianbao cannot read.
 *
 * Needs (Debian): libreoffice-writer-nogui fonts-noto-cjk.
 * Run: node --import tsx scripts/render-fixture-docs.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CFB from 'cfb';
import { RENDERERS, loadLabels } from '../test/render/index.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'test/fixtures/doc');
/** The record also saved as a Word-compatible .wps. */
const WPS_LABEL = 'hzq2023_working';

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-fixture-docs-'));

/** DOCX -> DOC with LibreOffice headless (a private profile, so it runs beside an open LibreOffice). */
function toDoc(docx: string): string {
  const profile = `file://${join(tmp, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'doc', '--outdir', tmp, docx], { stdio: 'ignore' });
  return docx.replace(/\.docx$/, '.doc');
}

/** A compound document whose only content stream is not Word's. */
function notWordWps(): Buffer {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'WpsContent', Buffer.from('金山WPS文字文档（非Word兼容格式）', 'utf16le'));
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

mkdirSync(OUT, { recursive: true });
try {
  const docx = RENDERERS.find((r) => r.ext === '.docx');
  if (!docx) throw new Error('test/render has no DOCX renderer');
  for (const { name, label } of loadLabels()) {
    const file = join(tmp, `${name}.docx`);
    writeFileSync(file, await docx.render(label));
    const doc = toDoc(file);
    copyFileSync(doc, join(OUT, `${name}.doc`));
    console.log(`${name}.doc`);
    if (name === WPS_LABEL) {
      copyFileSync(doc, join(OUT, `${name}.wps`));
      console.log(`${name}.wps`);
    }
  }
  writeFileSync(join(OUT, 'not-word.wps'), notWordWps());
  console.log('not-word.wps');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
