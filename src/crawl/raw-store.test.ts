/**
 * Saving a download: a new file is written, the same bytes are not written
 * again, an HTML page where a PDF was and a shorter copy are kept beside the
 * good file under a hidden name.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/support/temp-dir.ts';
import { storeDownload } from './raw-store.ts';

const PDF = new URL('../../test/fixtures/pdf/', import.meta.url);

describe('storeDownload', () => {
  const tmp = useTempDir('nianbao-raw-store-');

  it('writes, skips the same bytes, and keeps an error page or a shorter copy beside the good file', async () => {
    const good = await readFile(new URL('000_d4859fce74386304.pdf', PDF));
    const path = 'x.test/uploads/report.pdf';
    expect(await storeDownload(tmp(), path, good, false)).toEqual({ kind: 'written', path, replaced: false });
    expect(await storeDownload(tmp(), path, good, false)).toEqual({ kind: 'unchanged', path });
    // An error page larger than the PDF: its size alone would let it through.
    const filler = '<p>系统繁忙，请稍后再试</p>'.repeat(Math.ceil(good.length / 20));
    const errorPage = Buffer.from(`<!DOCTYPE html><html><body>${filler}</body></html>`);
    expect(errorPage.length).toBeGreaterThan(good.length);
    const html = await storeDownload(tmp(), path, errorPage, true);
    expect(html).toMatchObject({ kind: 'kept_beside', reason: 'an HTML page was served where the saved copy is not HTML (an error page?)' });
    const short = await storeDownload(tmp(), path, good.subarray(0, 100), false);
    expect(short).toMatchObject({ kind: 'kept_beside', reason: `shorter than the saved copy (100 < ${good.length} bytes)` });
    expect((await readFile(join(tmp(), path))).equals(good)).toBe(true);
    const names = (await readdir(join(tmp(), 'x.test/uploads'))).sort();
    expect(names).toHaveLength(3);
    expect(names.filter((n) => /^\.report\.pdf\.kept-[0-9a-f]{12}$/.test(n))).toHaveLength(2);
    // A longer, real new version replaces the saved copy.
    const longer = Buffer.concat([good, Buffer.from('\n% appended revision\n')]);
    expect(await storeDownload(tmp(), path, longer, false)).toEqual({ kind: 'written', path, replaced: true });
  });
});
