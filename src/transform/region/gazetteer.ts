/**
 * The NBS 2023 division gazetteer (divisions.json, built by
 * scripts/build-regions.ts) with the look-ups the region resolver needs:
 * divisions by code and by name, ancestors by code prefix, and the place
 * names a text mentions. Read once, at the first look-up; every function is pure.
 */
import { readFileSync } from 'node:fs';
import { isGroupingRow } from './grouping-rows.ts';

export type DivisionLevel = 'province' | 'city' | 'county' | 'township';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
}

interface DivisionsFile {
  source: string;
  provinces: Array<[string, string]>;
  cities: Array<[string, string]>;
  counties: Array<[string, string]>;
  townships: Array<[string, string]>;
}

const FILE = new URL('./divisions.json', import.meta.url);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every division by its code, and the file it was read from. */
interface Codes {
  data: DivisionsFile;
  byCode: Map<string, Division>;
}

/** The look-ups by name, built from the codes. */
interface Names {
  byName: Map<string, Division[]>;
  byLevelLength: Map<string, Division[]>;
  townshipAlias: Map<string, Division[]>;
  autonomousAlias: Map<string, Division[]>;
  byStem: Map<string, Division[]>;
  clueIndex: Map<string, Division[]>;
}

const LEVEL_LISTS = [
  ['province', 'provinces'],
  ['city', 'cities'],
  ['county', 'counties'],
  ['township', 'townships'],
] as const;

function readCodes(): Codes {
  const data = JSON.parse(readFileSync(FILE, 'utf8')) as DivisionsFile;
  const byCode = new Map<string, Division>();
  for (const [level, list] of LEVEL_LISTS) for (const [code, name] of data[list]) byCode.set(code, { code, name, level });
  return { data, byCode };
}

function indexNames({ data, byCode }: Codes): Names {
  const byName = new Map<string, Division[]>();
  const byLevelLength = new Map<string, Division[]>();
  for (const d of byCode.values()) {
    if (isGroupingRow(d.name)) continue;
    push(byName, d.name, d);
    push(byLevelLength, `${d.level}:${d.name.length}`, d);
  }

  /** A township printed as "XX街道办事处" is listed as "XX街道" (and a few the other way round). */
  const townshipAlias = new Map<string, Division[]>();
  for (const [name, list] of byName) {
    for (const d of list) {
      if (d.level !== 'township') continue;
      if (name.endsWith('街道')) push(townshipAlias, `${name}办事处`, d);
      else if (name.endsWith('街道办事处')) push(townshipAlias, name.slice(0, -3), d);
    }
  }

  /** Autonomous counties, banners and prefectures as reports shorten them: 互助县 for 互助土族自治县, 黔东南州. */
  const autonomousAlias = new Map<string, Division[]>();
  for (const d of byCode.values()) {
    if (d.level !== 'county' && d.level !== 'city') continue;
    const m = AUTONOMOUS.exec(d.name);
    const suffix = /自治(县|旗|州)$/u.exec(d.name)?.[1];
    if (!m?.[1] || !suffix) continue;
    const alias = `${m[1]}${suffix}`;
    if (!byName.has(alias)) push(autonomousAlias, alias, d);
  }

  const byStem = new Map<string, Division[]>();
  for (const rows of [data.provinces, data.cities]) {
    for (const [code] of rows) {
      const d = byCode.get(code);
      if (!d || isGroupingRow(d.name)) continue;
      const stem = stemOf(d.name);
      if (stem && stem !== d.name) push(byStem, stem, d);
    }
  }

  const clueIndex = new Map<string, Division[]>();
  for (const d of byCode.values()) {
    if (d.level === 'township' || isPlaceholder(d) || d.name.length < 3 || GENERIC_COUNTY.has(d.name)) continue;
    push(clueIndex, d.name.slice(0, 2), d);
  }
  for (const list of clueIndex.values()) list.sort((a, b) => b.name.length - a.name.length);

  return { byName, byLevelLength, townshipAlias, autonomousAlias, byStem, clueIndex };
}

let codesRead: Codes | undefined;
let namesIndexed: Names | undefined;
/** Read at the first look-up, not at load: a process that places no agency (a pool's main thread) reads codes at most. */
const codes = (): Codes => (codesRead ??= readCodes());
const names = (): Names => (namesIndexed ??= indexNames(codes()));

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
  return codes().byCode.get(code);
}

/**
 * Divisions printed with this name: the full name with its suffix, a street
 * office's name (XX街道办事处), or an autonomous unit's usual short form (互助县).
 */
export function divisionsNamed(name: string): Division[] {
  const n = names();
  return [...(n.byName.get(name) ?? []), ...(n.townshipAlias.get(name) ?? []), ...(n.autonomousAlias.get(name) ?? [])];
}

/** Provinces and prefecture-level divisions whose short name (suffix stripped) this is. */
export function divisionsByStem(stem: string): Division[] {
  return names().byStem.get(stem) ?? [];
}

/** Divisions of one level whose name has this many characters (for one-character-off matching). */
export function divisionsOfLength(level: DivisionLevel, length: number): readonly Division[] {
  return names().byLevelLength.get(`${level}:${length}`) ?? [];
}

export function levelOfCode(code: string): DivisionLevel {
  return code.length <= 2 ? 'province' : code.length <= 4 ? 'city' : code.length <= 6 ? 'county' : 'township';
}

/** The division's ancestors, province first, as the gazetteer lists them (placeholders included). */
export function ancestorsOf(code: string): Division[] {
  const prefixes = [2, 4, 6].filter((n) => n < code.length).map((n) => code.slice(0, n));
  const { byCode } = codes();
  return prefixes.map((p) => byCode.get(p)).filter((d): d is Division => d !== undefined);
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
  const self = codes().byCode.get(code);
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
  const { clueIndex } = names();
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
