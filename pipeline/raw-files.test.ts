/**
 * The raw folder's listing with its manifest: the crawler's RFC 4180 rows
 * (a URL holding a comma or a quote stays whole), the older path,url,published
 * lines, and what is not a document (manifest, crawl log, hidden files).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatManifest, manifestRow } from '../src/crawl/manifest.ts';
import { useTempDir } from '../test/support/temp-dir.ts';
import { listRawFiles } from './raw-files.ts';

describe('listRawFiles', () => {
  const tmp = useTempDir('nianbao-raw-files-');

  async function folder(name: string, manifest: string): Promise<string> {
    const dir = join(tmp(), name);
    await mkdir(join(dir, 'x.test', 'a'), { recursive: true });
    await writeFile(join(dir, 'x.test', 'a', 'r1.html'), '<p>1</p>');
    await writeFile(join(dir, 'x.test', 'a', 'r2.pdf'), '%PDF');
    await writeFile(join(dir, 'x.test', 'a', '.r2.pdf.kept-0123456789ab'), '%PD');
    await writeFile(join(dir, 'x.test', 'a', '.r1.html.4242.tmp'), '<p>');
    await writeFile(join(dir, 'crawl-log.csv'), 'crawl_started,url\n');
    await writeFile(join(dir, 'manifest.csv'), manifest);
    return dir;
  }

  it("reads the crawler's manifest: quoted URLs whole, dates by column name", async () => {
    const text = formatManifest([
      manifestRow({ path: 'x.test/a/r1.html', url: 'http://x.test/a/r1.html?q=1,2&t="x"', published: '2024-01-17', publisher: '某局' }),
      manifestRow({ path: 'x.test/a/r2.pdf', url: 'http://x.test/a/r2.pdf' }),
    ]);
    const { files, manifestProblems } = await listRawFiles(await folder('new', text));
    expect(manifestProblems).toEqual([]);
    expect(files.map(({ relPath, sourceUrl, published }) => ({ relPath, sourceUrl, published }))).toEqual([
      { relPath: 'x.test/a/r1.html', sourceUrl: 'http://x.test/a/r1.html?q=1,2&t="x"', published: '2024-01-17' },
      { relPath: 'x.test/a/r2.pdf', sourceUrl: 'http://x.test/a/r2.pdf', published: undefined },
    ]);
  });

  it('still reads path,url,published manifests, with or without their header', async () => {
    for (const [name, text] of [
      ['old-header', 'path,url,published\nx.test/a/r1.html,http://x.test/1,2024-01-17\nx.test/a/r2.pdf,http://x.test/2,17/01/2024\n'],
      ['old-bare', 'x.test/a/r1.html,http://x.test/1,2024-01-17\nx.test/a/r2.pdf,http://x.test/2,17/01/2024\n'],
    ] as const) {
      const { files, manifestProblems } = await listRawFiles(await folder(name, text));
      expect(files.map((f) => [f.relPath, f.sourceUrl, f.published])).toEqual([
        ['x.test/a/r1.html', 'http://x.test/1', '2024-01-17'],
        ['x.test/a/r2.pdf', 'http://x.test/2', undefined],
      ]);
      expect(manifestProblems).toEqual([`manifest.csv line ${name === 'old-header' ? 3 : 2}: published date "17/01/2024" is not YYYY-MM-DD; ignored`]);
    }
  });

  it('stops on a manifest that is not CSV, naming it', async () => {
    await expect(listRawFiles(await folder('broken', 'path,url\nx.test/a/r1.html,"http://x.test/1\n'))).rejects.toThrow(/not a readable CSV file/);
  });
});
