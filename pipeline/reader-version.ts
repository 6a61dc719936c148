/**
 * The version of the code that reads one file into a record: its extractor's
 * declared version (src/extract/reader-versions.ts), the transform's
 * (src/transform/version.ts) and a hash of the data the transform reads (the
 * agency overrides, the gazetteer, the host table, the confusable characters,
 * the template). A staged result is reused exactly while its file's bytes and
 * this version stay the same; a change to the CLI, the loader or a comment
 * re-reads nothing. Line endings are folded, so a Windows checkout hashes the same.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { READER_VERSIONS, type ReaderFormat } from '../src/extract/reader-versions.ts';
import { PROJECT_ROOT } from '../src/project-root.ts';
import { TRANSFORM_VERSION } from '../src/transform/version.ts';


/** The data files whose contents can change a record, relative to the project root. */
export const TRANSFORM_DATA_FILES: readonly string[] = [
  'data/overrides/agencies.csv',
  'src/transform/region/divisions.tsv',
  'src/transform/region/division-names.tsv',
  'src/transform/region/hosts.csv',
  'src/transform/region/confusable-chars.txt',
  'src/transform/template/template.json',
];

const EXTENSION_READER: Readonly<Record<string, ReaderFormat>> = {
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.doc': 'doc',
  '.wps': 'doc',
  '.xlsx': 'xlsx',
  '.xls': 'xlsx',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
};

/** The extractor that reads a file, by its extension; null for a file no extractor reads. */
export function readerFormatOf(path: string): ReaderFormat | null {
  return EXTENSION_READER[extname(path).toLowerCase()] ?? null;
}

let dataHash: string | undefined;

/** 8 hex characters over TRANSFORM_DATA_FILES. */
export function transformDataVersion(): string {
  if (dataHash === undefined) {
    const hash = createHash('sha256');
    for (const file of TRANSFORM_DATA_FILES) {
      hash.update(`${file}\0`);
      hash.update(readFileSync(join(PROJECT_ROOT, file), 'utf8').replaceAll('\r\n', '\n'));
      hash.update('\0');
    }
    dataHash = hash.digest('hex').slice(0, 8);
  }
  return dataHash;
}

/** "pdf1-t1-d0a1b2c3d": the reader version of a file of this format ("none…" for files no extractor reads). */
export function readerVersion(format: ReaderFormat | null): string {
  const extractor = format === null ? 'none' : `${format}${READER_VERSIONS[format]}`;
  return `${extractor}-t${TRANSFORM_VERSION}-d${transformDataVersion()}`;
}

/** Every format's reader version, for `nianbao --version` and the runs table. */
export function readerVersions(): Record<ReaderFormat, string> {
  const formats = Object.keys(READER_VERSIONS) as ReaderFormat[];
  return Object.fromEntries(formats.map((f) => [f, readerVersion(f)])) as Record<ReaderFormat, string>;
}
