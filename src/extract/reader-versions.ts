/**
 * The version of each extractor: raise a format's number whenever a
 * change to its extractor (or to the libraries it uses) can change what it
 * reads from some file. A run re-reads exactly the files whose reader version
 * changed (pipeline/reader-version.ts); everything else stays as staged.
 * test/reader-versions.test.ts fails when the records of a format's fixtures
 * change while its number did not (`npm run reader-versions:update` records
 * the new snapshot once the number is raised).
 */

/** One per extractor module: text.ts reads .txt and .md alike, doc/ reads .doc and .wps, xlsx.ts .xlsx (and names .xls), ocr/ pictures. */
export type ReaderFormat = 'text' | 'html' | 'docx' | 'pdf' | 'doc' | 'xlsx' | 'image';

export const READER_VERSIONS: Readonly<Record<ReaderFormat, string>> = {
  text: '2',
  html: '4',
  docx: '1',
  pdf: '5',
  doc: '1',
  xlsx: '1',
  image: '3',
};
