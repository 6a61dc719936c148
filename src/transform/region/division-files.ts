/**
 * The gazetteer's two files, written by scripts/build-regions.ts, one line a
 * division after a `#` source line: divisions.tsv (`code<TAB>name`, by level,
 * then code) and division-names.tsv (`name<TAB>code`, by name, then level and
 * code). Read by the resolver (gazetteer.ts), by the warehouse's `regions`
 * (src/load/warehouse-regions.ts) and by tests.
 */
export const DIVISIONS_FILE = new URL('./divisions.tsv', import.meta.url);
export const DIVISION_NAMES_FILE = new URL('./division-names.tsv', import.meta.url);

const COMMENT = '#';
export const FIELD_SEPARATOR = '\t';

/** A file's division lines, in the file's order: the leading comment lines and the final newline left out. */
export function divisionLines(text: string): string[] {
  const lines = text.split('\n');
  let first = 0;
  while (first < lines.length && (lines[first] as string).startsWith(COMMENT)) first++;
  let end = lines.length;
  while (end > first && lines[end - 1] === '') end--;
  return lines.slice(first, end);
}

/** A line's two fields: code and name in divisions.tsv, name and code in division-names.tsv. */
export function fieldsOf(line: string): [string, string] {
  const at = line.indexOf(FIELD_SEPARATOR);
  return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
}
