/**
 * Reads an agency name as printed in a report's title ("梁园区孙福集乡人民政府",
 * "上海市人民政府办公厅", "沭阳县发展和改革局", "张家坡镇", "平原示范区") into its
 * place names, its kind and, for a department or a government office, the
 * government it belongs to. Place names are read left to right: gazetteer
 * names first, then province/prefecture short names, then an unknown name of
 * the usual shape ("沐阳县", kept for fuzzy matching). Pure.
 */
import { compactText, divisionsByStem, divisionsNamed, type DivisionLevel } from './gazetteer.ts';

export type AgencyKind =
  | 'township_government'
  | 'county_government'
  | 'city_government'
  | 'province_government'
  | 'government_office'
  | 'department'
  | 'development_zone'
  /** A ministry, commission or bureau of the central government (教育部, 国家税务总局, 国务院办公厅). */
  | 'central_agency'
  | 'unknown';

/**
 * The kinds that stand for a whole government (or zone administration): one
 * agency per division, whatever the spelling (src/load/agency-identity.ts),
 * so a name taken for one of them wrongly merges with it.
 */
export const GOVERNMENT_KINDS: ReadonlySet<string> = new Set<AgencyKind>([
  'township_government',
  'county_government',
  'city_government',
  'province_government',
  'development_zone',
]);

export interface ParsedAgency {
  /** The agency's own name, cleaned (no year, brackets or white space). */
  name: string;
  kind: AgencyKind;
  /** Place names in the order printed, outermost first (["梁园区", "孙福集乡"]), as the gazetteer names them where it does. */
  placeNames: string[];
  /** For a department or a government office: the government it belongs to ("沭阳县人民政府"). */
  parentGovernment?: string;
}

/** One place name read from an agency name, with the level it stands for where known. */
export interface PlaceToken {
  /** As printed. */
  printed: string;
  /** The gazetteer's full name when the printed one is a short name ("淮安" -> "淮安市"). */
  name: string;
  /** Levels the gazetteer lists the name at; for an unknown name, the level its suffix implies. */
  levels: DivisionLevel[];
  known: boolean;
}

const GOVERNMENT = /^(?:人民政府|政府)$/u;
const GOVERNMENT_OFFICE = /^(?:人民政府|政府)(?:办公厅|办公室|办)$/u;
const DEVELOPMENT_ZONE = /开发区|示范区|高新区|新区|园区|实验区|试验区|保税区|合作区|管委会|管理委员会|管理区/u;
/** A listed division that is a zone, not a district (新区 is left out: 浦东新区 is a district). */
const ZONE_NAME = /开发区|示范区|高新区|园区|实验区|试验区|保税区|合作区|管理区/u;
/** An unknown place name: a 2–3 character stem and a division suffix, no function words. */
const UNKNOWN_PLACE = /^([\p{Script=Han}]{2,3}?)(自治区|自治州|自治县|自治旗|地区|街道|省|市|州|盟|县|旗|区|镇|乡)/u;
const FUNCTION_CHARS = /[和与及的等之]/u;
/** A central-government agency named for the state: 国务院…, 国家…, 中华人民共和国…, 中国…委员会/银行/局. */
const STATE_NAMED = /^(?:国务院|中华人民共和国|国家)\p{Script=Han}{2,}|^中国\p{Script=Han}{2,}(?:委员会|银行|局|署)$/u;
/** The State Council's ministries and agencies that carry no state prefix. */
const CENTRAL_MINISTRIES = new Set([
  '外交部', '国防部', '教育部', '科学技术部', '工业和信息化部', '公安部', '民政部', '司法部', '财政部',
  '人力资源和社会保障部', '自然资源部', '生态环境部', '住房和城乡建设部', '交通运输部', '水利部', '农业农村部',
  '商务部', '文化和旅游部', '退役军人事务部', '应急管理部', '审计署', '海关总署',
]);

function isCentralAgency(name: string): boolean {
  return STATE_NAMED.test(name) || CENTRAL_MINISTRIES.has(name);
}

function levelsOfSuffix(suffix: string): DivisionLevel[] {
  if (/^(?:省|自治区)$/u.test(suffix)) return ['province'];
  if (/^(?:州|盟|地区|自治州)$/u.test(suffix)) return ['city'];
  if (suffix === '市') return ['city', 'county'];
  if (/^(?:县|旗|区|自治县|自治旗)$/u.test(suffix)) return ['county'];
  return ['township'];
}

/** Cleans a printed agency name: folds width and space, drops markdown, brackets and a year with what follows. */
export function cleanAgencyName(raw: string): string {
  let s = compactText(raw).replace(/^#+/u, '').replace(/^[(（【\[《]+|[)）】\]》]+$/gu, '');
  const year = /(?:19|20)\d{2}年度?/u.exec(s);
  if (year) s = year.index >= 2 ? s.slice(0, year.index) : s.slice(year.index + year[0].length);
  return s;
}

/** Reads place names from the start of `s`; returns them and where they stop. */
export function readPlaceNames(s: string): { tokens: PlaceToken[]; end: number } {
  const tokens: PlaceToken[] = [];
  let pos = 0;
  while (pos < s.length) {
    const token = knownAt(s, pos) ?? stemAt(s, pos) ?? unknownAt(s, pos, tokens.length);
    if (!token) break;
    tokens.push(token);
    pos += token.printed.length;
  }
  return { tokens, end: pos };
}

/** Longest gazetteer name starting at `pos`. */
function knownAt(s: string, pos: number): PlaceToken | null {
  for (let end = Math.min(s.length, pos + 20); end >= pos + 2; end--) {
    const printed = s.slice(pos, end);
    const found = divisionsNamed(printed);
    if (!found.length) continue;
    // The gazetteer's own name for a street office (XX街道办事处) or a short form (互助县), when it is one name.
    const names = [...new Set(found.map((d) => d.name))];
    const name = names.includes(printed) || names.length !== 1 ? printed : (names[0] ?? printed);
    return { printed, name, levels: [...new Set(found.map((d) => d.level))], known: true };
  }
  return null;
}

/** A province or prefecture short name ("淮安洪泽区"), only when a gazetteer name follows at once. */
function stemAt(s: string, pos: number): PlaceToken | null {
  for (let end = Math.min(s.length, pos + 5); end >= pos + 2; end--) {
    const found = divisionsByStem(s.slice(pos, end));
    if (found.length && knownAt(s, end)) {
      const names = [...new Set(found.map((d) => d.name))];
      if (names.length !== 1) continue;
      return { printed: s.slice(pos, end), name: names[0] ?? '', levels: [...new Set(found.map((d) => d.level))], known: true };
    }
  }
  return null;
}

/** A name of place-name shape the gazetteer lacks ("沐阳县"): only where the rest of the name still reads. */
function unknownAt(s: string, pos: number, tokensBefore: number): PlaceToken | null {
  const m = UNKNOWN_PLACE.exec(s.slice(pos));
  if (!m || FUNCTION_CHARS.test(m[1] ?? '')) return null;
  const printed = m[0];
  const rest = s.slice(pos + printed.length);
  // "平原城乡一体化示范区": 城乡 is no place; accept only when an agency word, another place or nothing follows,
  // or (for the first name) a department.
  const restReads =
    rest === '' || GOVERNMENT.test(rest) || GOVERNMENT_OFFICE.test(rest) || rest === '办事处' || knownAt(rest, 0) !== null ||
    (tokensBefore === 0 && !DEVELOPMENT_ZONE.test(rest) && /[局委办厅室署中心院所站队处]$/u.test(rest));
  if (!restReads) return null;
  return { printed, name: printed, levels: levelsOfSuffix(m[2] ?? ''), known: false };
}

function governmentKind(levels: DivisionLevel[]): AgencyKind {
  // A name listed at several levels (a county-level city) reads as the higher one first.
  if (levels.includes('province')) return 'province_government';
  if (levels.includes('city')) return 'city_government';
  if (levels.includes('county')) return 'county_government';
  if (levels.includes('township')) return 'township_government';
  return 'unknown';
}

/** The kind of government a place name stands for, from the gazetteer's levels for it. */
export function governmentKindOf(token: PlaceToken): AgencyKind {
  return governmentKind(token.levels);
}

export function parseAgency(name: string): ParsedAgency {
  return readAgency(name).parsed;
}

/** parseAgency plus the place names as read, with the levels the gazetteer lists them at. */
export function readAgency(name: string): { parsed: ParsedAgency; tokens: PlaceToken[] } {
  const clean = cleanAgencyName(name);
  const { tokens, end } = readPlaceNames(clean);
  const rest = clean.slice(end);
  const last = tokens[tokens.length - 1];
  const prefix = clean.slice(0, end);
  const base = { name: clean, placeNames: tokens.map((t) => t.name) };
  const parsed = ((): ParsedAgency => {
    if (!last) return { ...base, kind: isCentralAgency(rest) ? 'central_agency' : DEVELOPMENT_ZONE.test(rest) ? 'development_zone' : 'unknown' };
    const governs = rest === '' || GOVERNMENT.test(rest) || rest === '办事处';
    if (ZONE_NAME.test(last.name) && (governs || DEVELOPMENT_ZONE.test(rest))) return { ...base, kind: 'development_zone' };
    if (governs) return { ...base, kind: governmentKind(last.levels) };
    if (GOVERNMENT_OFFICE.test(rest)) return { ...base, kind: 'government_office', parentGovernment: `${prefix}人民政府` };
    if (DEVELOPMENT_ZONE.test(rest)) return { ...base, kind: 'development_zone' };
    return { ...base, kind: 'department', parentGovernment: `${prefix}人民政府` };
  })();
  return { parsed, tokens };
}
