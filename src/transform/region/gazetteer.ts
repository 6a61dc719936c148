/**
 * The NBS 2023 division gazetteer with the look-ups the region resolver
 * needs: divisions by code and by name, ancestors by code prefix, and the
 * place names a text mentions. Its two sorted files (division-files.ts) are
 * read at the first look-up, split into lines and searched by bisection, so a worker
 * starts without building an index of 44,703 divisions; only the 3,351
 * provinces, cities and counties are indexed, for short names and mentions.
 * Every function is pure.
 */
import { readFileSync } from 'node:fs';
import { DIVISION_NAMES_FILE, DIVISIONS_FILE, FIELD_SEPARATOR, divisionLines, fieldsOf } from './division-files.ts';
import { isGroupingRow } from './grouping-rows.ts';

export type DivisionLevel = 'province' | 'city' | 'county' | 'township';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
}

/** Longest code above the township level: the first lines of divisions.tsv, up to the first township. */
const COUNTY_CODE_LENGTH = 6;

const readLines = (file: URL): string[] => divisionLines(readFileSync(file, 'utf8'));

/** The first line at or after which `before(line)` is false (lines ordered so that it is true, then false). */
function bisect(lines: readonly string[], before: (line: string) => boolean): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(lines[mid] as string)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** (length, code) order: the order of divisions.tsv. */
function codeBefore(a: string, b: string): boolean {
  return a.length < b.length || (a.length === b.length && a < b);
}

let codeLines: string[] | undefined;
let nameLines: string[] | undefined;
/** One object per division looked up, so a division is the same object wherever it is found. */
const divisions = new Map<string, Division>();

const byCodeLines = (): string[] => (codeLines ??= readLines(DIVISIONS_FILE));
const byNameLines = (): string[] => (nameLines ??= readLines(DIVISION_NAMES_FILE));

function division(code: string, name: string): Division {
  let d = divisions.get(code);
  if (d === undefined) {
    d = { code, name, level: levelOfCode(code) };
    divisions.set(code, d);
  }
  return d;
}

/** The divisions listed under exactly this name (grouping rows too), by level, then code. */
function listedAs(name: string): Division[] {
  const lines = byNameLines();
  const key = `${name}${FIELD_SEPARATOR}`;
  const out: Division[] = [];
  // The tab sorts before every character of a name, so the lines of one name follow those of its prefixes.
  for (let i = bisect(lines, (line) => line < key); i < lines.length && (lines[i] as string).startsWith(key); i++) {
    out.push(division((lines[i] as string).slice(key.length), name));
  }
  return out;
}

/** Divisions printed with exactly this name, grouping rows (市辖区) left out. */
function named(name: string): Division[] {
  return isGroupingRow(name) ? [] : listedAs(name);
}

/** Provinces, cities and counties, in the order of divisions.tsv: the lines before the first township. */
function upperDivisions(): Division[] {
  const lines = byCodeLines();
  const end = bisect(lines, (line) => line.indexOf(FIELD_SEPARATOR) <= COUNTY_CODE_LENGTH);
  return lines.slice(0, end).map((line) => division(...fieldsOf(line)));
}

/** The look-ups built from provinces, cities and counties (3,351 divisions), at the first that needs them. */
interface UpperIndex {
  autonomousAlias: Map<string, Division[]>;
  byStem: Map<string, Division[]>;
  clueIndex: Map<string, Division[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexUpper(): UpperIndex {
  const upper = upperDivisions();
  /** Autonomous counties, banners and prefectures as reports shorten them: 互助县 for 互助土族自治县, 黔东南州. */
  const autonomousAlias = new Map<string, Division[]>();
  for (const d of upper) {
    if (d.level !== 'county' && d.level !== 'city') continue;
    const m = AUTONOMOUS.exec(d.name);
    const suffix = /自治(县|旗|州)$/u.exec(d.name)?.[1];
    if (!m?.[1] || !suffix) continue;
    const alias = `${m[1]}${suffix}`;
    if (named(alias).length === 0) push(autonomousAlias, alias, d);
  }

  const byStem = new Map<string, Division[]>();
  for (const d of upper) {
    if ((d.level !== 'province' && d.level !== 'city') || isGroupingRow(d.name)) continue;
    const stem = stemOf(d.name);
    if (stem && stem !== d.name) push(byStem, stem, d);
  }

  const clueIndex = new Map<string, Division[]>();
  for (const d of upper) {
    if (isPlaceholder(d) || d.name.length < 3 || GENERIC_COUNTY.has(d.name)) continue;
    push(clueIndex, d.name.slice(0, 2), d);
  }
  for (const list of clueIndex.values()) list.sort((a, b) => b.name.length - a.name.length);
  return { autonomousAlias, byStem, clueIndex };
}

let upperIndexed: UpperIndex | undefined;
const upperIndex = (): UpperIndex => (upperIndexed ??= indexUpper());

/** Code length of each level: divisions.tsv lists the levels in this order. */
const CODE_LENGTH: Readonly<Record<DivisionLevel, number>> = { province: 2, city: 4, county: 6, township: 9 };

const ofLength = new Map<string, Division[]>();
/**
 * Divisions of one level whose name has this many characters (grouping rows
 * left out), for one-character-off matching: each list is made at its first
 * use, from the level's lines only, and Divisions only for the lines it keeps.
 */
function levelOfLength(level: DivisionLevel, length: number): Division[] {
  const key = `${level}:${length}`;
  let list = ofLength.get(key);
  if (list === undefined) {
    list = [];
    const lines = byCodeLines();
    const codeLength = CODE_LENGTH[level];
    const lineLength = codeLength + 1 + length;
    const end = bisect(lines, (line) => line.indexOf(FIELD_SEPARATOR) <= codeLength);
    for (let i = bisect(lines, (line) => line.indexOf(FIELD_SEPARATOR) < codeLength); i < end; i++) {
      const line = lines[i] as string;
      if (line.length !== lineLength) continue;
      const [code, name] = fieldsOf(line);
      if (!isGroupingRow(name)) list.push(division(code, name));
    }
    ofLength.set(key, list);
  }
  return list;
}

/**
 * Short names of provinces and prefecture-level units ("江苏" for 江苏省,
 * "淮安" for 淮安市, "黔东南" for 黔东南苗族侗族自治州). Used only at the start of
 * an agency name, never as body clues, where stems are too often ordinary
 * words (安康, 大同, 中山).
 */
const ETHNIC =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC})族?)+自治(?:区|州|县|旗)$`, 'u');

export function stemOf(name: string): string | null {
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) return autonomous[1] ?? null;
  const plain = /^(.{2,}?)(?:自治区|特别行政区|省|市|地区|盟|县|区|旗)$/u.exec(name);
  return plain ? (plain[1] ?? null) : null;
}


export function divisionByCode(code: string): Division | undefined {
  const lines = byCodeLines();
  const line = lines[bisect(lines, (l) => codeBefore(l.slice(0, l.indexOf(FIELD_SEPARATOR)), code))];
  if (line === undefined || !line.startsWith(`${code}${FIELD_SEPARATOR}`)) return undefined;
  return division(code, line.slice(code.length + 1));
}

const STREET = '街道';
const STREET_OFFICE = '街道办事处';
const OFFICE = '办事处';

/** A township printed as "XX街道办事处" is listed as "XX街道" (and a few the other way round). */
function townshipsAlias(name: string): Division[] {
  const listed = name.endsWith(STREET_OFFICE) ? named(name.slice(0, -OFFICE.length)) : name.endsWith(STREET) ? named(`${name}${OFFICE}`) : [];
  return listed.filter((d) => d.level === 'township');
}

/**
 * Divisions printed with this name: the full name with its suffix, a street
 * office's name (XX街道办事处), or an autonomous unit's usual short form (互助县).
 */
export function divisionsNamed(name: string): Division[] {
  return [...named(name), ...townshipsAlias(name), ...(upperIndex().autonomousAlias.get(name) ?? [])];
}

/** Provinces and prefecture-level divisions whose short name (suffix stripped) this is. */
export function divisionsByStem(stem: string): Division[] {
  return upperIndex().byStem.get(stem) ?? [];
}

/** Divisions of one level whose name has this many characters (for one-character-off matching). */
export function divisionsOfLength(level: DivisionLevel, length: number): readonly Division[] {
  return levelOfLength(level, length);
}

export function levelOfCode(code: string): DivisionLevel {
  return code.length <= 2 ? 'province' : code.length <= 4 ? 'city' : code.length <= 6 ? 'county' : 'township';
}

/** The division's ancestors, province first, as the gazetteer lists them (placeholders included). */
export function ancestorsOf(code: string): Division[] {
  const prefixes = [2, 4, 6].filter((n) => n < code.length).map((n) => code.slice(0, n));
  return prefixes.map(divisionByCode).filter((d): d is Division => d !== undefined);
}

/** True when `ancestor` is a strict ancestor of `code` (codes are hierarchical prefixes). */
export function isAncestor(ancestor: string, code: string): boolean {
  return ancestor.length < code.length && code.startsWith(ancestor);
}

export function isPlaceholder(d: Division): boolean {
  return isGroupingRow(d.name);
}

/** "河南省商丘市梁园区孙福集乡", skipping NBS placeholders such as 市辖区. */
export function fullPath(code: string): string {
  const self = divisionByCode(code);
  return [...ancestorsOf(code), ...(self ? [self] : [])]
    .filter((d) => !isPlaceholder(d))
    .map((d) => d.name)
    .join('');
}

// ---- place names mentioned in a text ----

/**
 * County names too generic to count as a clue when they turn up in prose
 * ("老城区" = old town, "城中区" = town centre). Two-character names (城区, 郊区,
 * 矿区, 东区) are never clues.
 */
const GENERIC_COUNTY = new Set(['新城区', '老城区', '城中区', '市中区', '市南区', '市北区', '城东区', '城西区', '城北区', '城南区', '东城区', '西城区', '城厢区', '新区', '新华区', '和平区', '中山区', '新兴区', '东风区', '南山区', '东山区', '江北区', '江南区', '河东区', '河西区', '河北区', '海南区', '南岸区', '江城区', '郊区']);


export interface PlaceMention {
  name: string;
  divisions: Division[];
  /** Position in the white-space-free text. */
  index: number;
}

/** Folds the text for matching: NFKC, and no white space (names wrap across lines in PDFs). */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\ufeff]+/gu, '');
}

/**
 * Province, prefecture and county names (full, with suffix) that occur in the
 * text, longest first at each position. Skips "X市场" and "X区域", where the
 * suffix belongs to the next word.
 */
export function placeMentions(text: string): PlaceMention[] {
  const s = compactText(text);
  const { clueIndex } = upperIndex();
  const out: PlaceMention[] = [];
  for (let i = 0; i < s.length - 1; i++) {
    const list = clueIndex.get(s.slice(i, i + 2));
    if (!list) continue;
    for (const d of list) {
      if (!s.startsWith(d.name, i)) continue;
      const next = s[i + d.name.length] ?? '';
      if ((d.name.endsWith('市') && next === '场') || (d.name.endsWith('区') && next === '域')) continue;
      const divisions = list.filter((x) => x.name === d.name);
      out.push({ name: d.name, divisions, index: i });
      i += d.name.length - 1;
      break;
    }
  }
  return out;
}
