/**
 * Agency overrides: a checked-in CSV (data/overrides/agencies.csv) that places
 * agencies the gazetteer cannot, such as development zones. Columns:
 *   pattern  a regular expression tested against the agency name (or the title);
 *            a government's or zone's must match the whole name
 *   code     the NBS code of the lowest level it belongs to (2, 4, 6 or 9 digits)
 *   kind     an AgencyKind (development_zone, county_government, …)
 *   name     optional: the name of `code` when the gazetteer lacks it
 *   note     optional: why
 *   agency   optional: the name the warehouse identifies the agency by. Names
 *            matching `pattern` become one agency (agency_id from code and
 *            this name), apart from every agency not so named: a merge of
 *            spellings, or a split of one name from what it would join.
 * Lines starting with # are comments. Parsing is pure; the default file is
 * read once, at its first use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CorruptFileError, ReadFileError } from '../../errors.ts';
import { PROJECT_ROOT } from '../../project-root.ts';
import { divisionByCode } from './gazetteer.ts';
import { GOVERNMENT_KINDS, type AgencyKind } from './parse-agency.ts';

export interface AgencyOverride {
  pattern: RegExp;
  code: string;
  kind: AgencyKind;
  name?: string;
  note?: string;
  /** The name the warehouse identifies the agency by (src/load/agency-identity.ts). */
  agency?: string;
}

const KINDS: readonly AgencyKind[] = [
  'township_government',
  'county_government',
  'city_government',
  'province_government',
  'government_office',
  'department',
  'development_zone',
  'central_agency',
  'unknown',
];

export const DEFAULT_OVERRIDES_FILE = join(PROJECT_ROOT, 'data/overrides/agencies.csv');

/** The CSV's records, blank lines and lines starting with # left out. */
function csvRecords(csvText: string, file: string): string[][] {
  let records: string[][];
  try {
    records = parse(csvText, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new CorruptFileError(file, `not a CSV file: ${e instanceof Error ? e.message : String(e)}`);
  }
  return records.filter((r) => !(r.length === 1 && r[0]?.trim() === '') && !(r[0] ?? '').trimStart().startsWith('#'));
}

/** Whether a pattern is anchored at both ends: it matches whole names only (the final $ not escaped). */
function matchesWholeName(source: string): boolean {
  return source.startsWith('^') && /(?:^|[^\\])(?:\\\\)*\$$/u.test(source);
}

/** Parses the overrides CSV; `file` names it in errors. Throws CorruptFileError on a bad row. */
export function loadOverrides(csvText: string, file = 'agencies.csv'): AgencyOverride[] {
  const [header, ...rows] = csvRecords(csvText, file);
  if (!header) return [];
  const col = (name: string): number => header.findIndex((h) => h.trim() === name);
  const at = { pattern: col('pattern'), code: col('code'), kind: col('kind'), name: col('name'), note: col('note'), agency: col('agency') };
  if (at.pattern < 0 || at.code < 0 || at.kind < 0) {
    throw new CorruptFileError(file, `overrides CSV needs the columns pattern, code, kind; got ${JSON.stringify(header.join(','))}`);
  }
  return rows.map((row, i) => {
    const line = `row ${i + 1}`;
    const get = (k: number): string => (k >= 0 ? (row[k] ?? '').trim() : '');
    const source = get(at.pattern);
    const code = get(at.code);
    const kind = get(at.kind);
    let pattern: RegExp;
    try {
      if (!source) throw new Error('empty pattern');
      // Anchored at its two ends, a pattern can still match part of a name
      // (`^甲|乙$` matches 甲's departments); a government's is tested whole.
      pattern = new RegExp(GOVERNMENT_KINDS.has(kind) ? `^(?:${source})$` : source, 'u');
    } catch (e) {
      throw new CorruptFileError(file, `${line}: pattern ${JSON.stringify(source)} is not a regular expression (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!/^(?:\d{2}|\d{4}|\d{6}|\d{9})$/u.test(code)) {
      throw new CorruptFileError(file, `${line}: code must be an NBS code of 2, 4, 6 or 9 digits, got ${JSON.stringify(code)}`);
    }
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new CorruptFileError(file, `${line}: kind must be one of ${KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
    }
    if (GOVERNMENT_KINDS.has(kind) && !matchesWholeName(source)) {
      throw new CorruptFileError(
        file,
        `${line}: pattern ${JSON.stringify(source)} names a ${kind} but not its whole name: anchor it (^…$), or it also matches the government's departments (a ${kind} is one agency per division, so they would be merged with it)`,
      );
    }
    const name = get(at.name);
    if (!name && !divisionByCode(code)) {
      throw new CorruptFileError(file, `${line}: code ${code} is not in the NBS 2023 gazetteer; give its name in the name column`);
    }
    const note = get(at.note);
    const agency = get(at.agency);
    return { pattern, code, kind: kind as AgencyKind, ...(name ? { name } : {}), ...(note ? { note } : {}), ...(agency ? { agency } : {}) };
  });
}

function readDefault(): AgencyOverride[] {
  let text: string;
  try {
    text = readFileSync(DEFAULT_OVERRIDES_FILE, 'utf8');
  } catch (e) {
    throw new ReadFileError(DEFAULT_OVERRIDES_FILE, e);
  }
  return loadOverrides(text, DEFAULT_OVERRIDES_FILE);
}

let defaultsRead: readonly AgencyOverride[] | undefined;

/**
 * The checked-in overrides, data/overrides/agencies.csv: read at the first
 * call, not at load (checking their codes reads the gazetteer, about 0.1 s,
 * which a run's main thread spends once its workers have started).
 */
export function defaultOverrides(): readonly AgencyOverride[] {
  return (defaultsRead ??= readDefault());
}

/** The first override whose pattern matches one of the names, in file order. */
export function findOverride(names: Array<string | null>, overrides: readonly AgencyOverride[]): AgencyOverride | null {
  for (const o of overrides) {
    if (names.some((n) => n && o.pattern.test(n))) return o;
  }
  return null;
}
