/**
 * CSV cells as exports write them (RFC 4180 quoting) and the neutralising
 * of text that a spreadsheet would run as a formula: a text cell beginning
 * with =, +, -, @, tab or carriage return gets a leading apostrophe
 * (OWASP "CSV injection"); numbers are never touched.
 */

/** First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return values.map(csvField).join(',');
}
