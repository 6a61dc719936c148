/**
 * Places a report's agency on the NBS 2023 division map (province, city,
 * county, township) from every clue the document holds: the agency's own
 * place names, the place names in the title, the province/city/county names
 * in the body and signature (and the government sites it names), and the
 * source URL's host. An agency the overrides file names wins outright; a name
 * the gazetteer lists once is taken; a name listed many times is narrowed by
 * the clues and taken only when one candidate remains; a name one character
 * off (沐阳县) is taken only when unique, with a warning. Anything else stays
 * unresolved, with its candidates. Pure.
 */
import { RULE, ruleOf } from '../validate/rules.ts';
import type { RegionResult, ValidationIssue } from '../record.ts';
import { defaultOverrides, findOverride, loadOverrides, type AgencyOverride } from './agency-overrides.ts';
import { oneCharacterOff } from './fuzzy-match.ts';
import {
  ancestorsOf,
  compactText,
  divisionByCode,
  divisionsNamed,
  fullPath,
  isAncestor,
  levelOfCode,
  placeMentions,
  type Division,
  type DivisionLevel,
} from './gazetteer.ts';
import { readAgency, type AgencyKind, type PlaceToken } from './parse-agency.ts';
import { hostDivisionCodes } from './source-host.ts';

export { loadOverrides, defaultOverrides, type AgencyOverride };

export interface RegionClues {
  /** The agency as read from the title ("梁园区孙福集乡人民政府"); null when none was found. */
  agency: string | null;
  title: string | null;
  /** The document's whole text. */
  body: string;
  sourceUrl?: string;
}

export interface RegionResolution {
  region: RegionResult;
  issues: ValidationIssue[];
}

/** How many candidates an issue message spells out. */
const LISTED = 10;

const KIND_LEVEL: Partial<Record<AgencyKind, DivisionLevel>> = {
  township_government: 'township',
  county_government: 'county',
  city_government: 'city',
  province_government: 'province',
};
const LEVEL_KIND: Record<DivisionLevel, AgencyKind> = {
  township: 'township_government',
  county: 'county_government',
  city: 'city_government',
  province: 'province_government',
};

/** The agency part of a title: "2020年意溪镇人民政府信息公开工作年度报告" -> "意溪镇人民政府". */
export function agencyFromTitle(title: string): string | null {
  const s = compactText(title).replace(/^#+/u, '').replace(/[-—_|].*$/u, '');
  const year = /(?:19|20)\d{2}年度?/u.exec(s);
  let agency = year ? (year.index >= 2 ? s.slice(0, year.index) : s.slice(year.index + year[0].length)) : s;
  const disclosure = /^(.*?)(?:政府)?信息公开/u.exec(agency);
  if (disclosure) agency = disclosure[1] ?? '';
  if (agency.endsWith('人民')) agency += '政府';
  return agency.length >= 2 ? agency : null;
}

/** "城关镇 (河南省郑州市登封市 410185100)". */
export function describeCandidate(d: Division): string {
  const path = fullPath(d.code).slice(0, -d.name.length) || fullPath(d.code);
  return `${d.name} (${path} ${d.code})`;
}

function listCandidates(cands: Division[]): string {
  const shown = cands.slice(0, LISTED).map(describeCandidate).join(', ');
  return cands.length > LISTED ? `${shown} … and ${cands.length - LISTED} more` : shown;
}

/** Drops a candidate whose ancestor of the same name is also a candidate (东莞市 the city and 东莞市 its county row). */
function dropSameNamedDescendants(cands: Division[]): Division[] {
  return cands.filter((c) => !cands.some((o) => o !== c && o.name === c.name && isAncestor(o.code, c.code)));
}

/** Keeps the candidates with the most distinct clue codes among their ancestors, when any has one. */
function narrowByClues(cands: Division[], clueCodes: ReadonlySet<string>): Division[] {
  if (cands.length <= 1 || clueCodes.size === 0) return cands;
  const scored = cands.map((c) => ({ c, score: [...clueCodes].filter((x) => isAncestor(x, c.code)).length }));
  const best = Math.max(...scored.map((s) => s.score));
  return best > 0 ? scored.filter((s) => s.score === best).map((s) => s.c) : cands;
}

/** Keeps candidates under a division the agency name prints before this one ("梁园区" before 孙福集乡). */
function underNamedAncestors(cands: Division[], before: PlaceToken[]): Division[] {
  let out = cands;
  for (const t of before) {
    if (!t.known) continue;
    const codes = divisionsNamed(t.name).map((d) => d.code);
    const kept = out.filter((c) => codes.some((a) => isAncestor(a, c.code)));
    if (kept.length) out = kept;
  }
  return out;
}

function levelsFor(token: PlaceToken, kind: AgencyKind, last: boolean): DivisionLevel[] {
  const level = last ? KIND_LEVEL[kind] : undefined;
  return level && token.levels.includes(level) ? [level] : token.levels;
}

/** The region fields for a division code, from the gazetteer (`name` for a code it lacks). */
function regionOf(code: string, name?: string): Omit<RegionResult, 'confidence'> {
  const out: Omit<RegionResult, 'confidence'> = { level: levelOfCode(code) };
  const chain = [...ancestorsOf(code), divisionByCode(code) ?? { code, name: name ?? '', level: levelOfCode(code) }];
  for (const d of chain) {
    const displayName = d.code === code && name ? name : d.name;
    if (d.code.length === 2) Object.assign(out, { province_code: d.code, province_name: displayName });
    else if (d.code.length === 4) Object.assign(out, { city_code: d.code, city_name: displayName });
    else if (d.code.length === 6) Object.assign(out, { county_code: d.code, county_name: displayName });
    else Object.assign(out, { township_code: d.code, township_name: displayName });
  }
  return out;
}

interface Clues {
  /** Title place names and the source URL's host: printed on purpose, weighed first. */
  strong: Set<string>;
  /** Province, city and county names anywhere in the body. */
  body: Set<string>;
}

function gatherClues(clues: RegionClues): Clues {
  const strong = new Set<string>(hostDivisionCodes(clues.sourceUrl));
  for (const m of placeMentions(clues.title ?? '')) for (const d of m.divisions) strong.add(d.code);
  const body = new Set<string>();
  for (const m of placeMentions(clues.body)) for (const d of m.divisions) body.add(d.code);
  // Government sites the report names ("可在…（www.shanghai.gov.cn）下载") are weaker than its source URL.
  for (const host of clues.body.match(/[a-z0-9][a-z0-9.-]*\.gov\.cn/giu) ?? []) for (const code of hostDivisionCodes(host)) body.add(code);
  return { strong, body };
}

type Pick =
  | { status: 'one'; division: Division; fuzzy?: { printed: string; listed: string } }
  | { status: 'many'; candidates: Division[]; fuzzy: boolean }
  | { status: 'none' };

/** Candidates for one printed place name, narrowed by the names before it and the clues. */
function pick(token: PlaceToken, levels: DivisionLevel[], before: PlaceToken[], clues: Clues): Pick {
  const narrow = (cands: Division[]): Division[] =>
    narrowByClues(narrowByClues(underNamedAncestors(dropSameNamedDescendants(cands), before), clues.strong), clues.body);

  const exact = narrow(divisionsNamed(token.name).filter((d) => levels.includes(d.level)));
  if (exact.length === 1 && exact[0]) return { status: 'one', division: exact[0] };
  if (exact.length > 1) return { status: 'many', candidates: exact, fuzzy: false };

  const fuzzy = oneCharacterOff(token.name, levels);
  const byCode = new Map(fuzzy.map((f) => [f.division.code, f]));
  let cands = narrow(fuzzy.map((f) => f.division));
  if (cands.length > 1) {
    const lookalike = cands.filter((c) => byCode.get(c.code)?.confusable);
    if (lookalike.length) cands = lookalike;
  }
  const only = cands.length === 1 ? cands[0] : undefined;
  if (only) {
    const f = byCode.get(only.code);
    return { status: 'one', division: only, fuzzy: { printed: f?.printed ?? '', listed: f?.listed ?? '' } };
  }
  if (cands.length > 1) return { status: 'many', candidates: cands, fuzzy: true };
  return { status: 'none' };
}

function unresolved(kind: AgencyKind, issue: ValidationIssue, candidates?: Division[], parent?: string): RegionResolution {
  const region: RegionResult = { kind, confidence: 'unresolved' };
  if (parent) region.parent_government = parent;
  if (candidates) region.candidates = candidates.map(describeCandidate);
  return { region, issues: [issue] };
}

export function resolveRegion(clues: RegionClues, overrides: readonly AgencyOverride[] = defaultOverrides()): RegionResolution {
  const title = clues.title ? compactText(clues.title).replace(/^#+/u, '') : null;
  const agency = clues.agency?.trim() ? clues.agency : title ? agencyFromTitle(title) : null;

  const override = findOverride([agency ? compactText(agency) : null, title], overrides);
  if (override) {
    return { region: { ...regionOf(override.code, override.name), kind: override.kind, confidence: 'override' }, issues: [] };
  }
  if (!agency) {
    return unresolved('unknown', { ...ruleOf(RULE.regionUnknown), message: 'no agency name in the title to place on the map' });
  }

  let { parsed, tokens } = readAgency(agency);
  if (!tokens.length && title) {
    // "市科委" as agency, "2024年上海市科委…" as title: the title's agency part may carry the place.
    const fromTitle = agencyFromTitle(title);
    if (fromTitle && fromTitle !== parsed.name) {
      const again = readAgency(fromTitle);
      if (again.tokens.length) ({ parsed, tokens } = again);
    }
  }
  const parent = parsed.parentGovernment;
  if (!tokens.length && parsed.kind === 'central_agency') {
    return { region: { kind: parsed.kind, level: 'national', confidence: 'exact' }, issues: [] };
  }
  if (!tokens.length) {
    return unresolved(parsed.kind, {
      ...ruleOf(RULE.regionUnknown),
      message: `agency "${parsed.name}" names no place the NBS 2023 gazetteer lists, and no override matches it`,
    }, undefined, parent);
  }

  const found = gatherClues(clues);
  const skipped: string[] = [];
  // The innermost place first; if the gazetteer lacks it altogether, fall back to the one printed before it.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (!token) continue;
    const last = i === tokens.length - 1;
    const result = pick(token, levelsFor(token, parsed.kind, last), tokens.slice(0, i), found);
    if (result.status === 'none') {
      skipped.push(token.printed);
      continue;
    }
    if (result.status === 'many') {
      const how = result.fuzzy ? `is not in the NBS 2023 gazetteer and is one character off ${result.candidates.length} divisions` : `names ${result.candidates.length} divisions`;
      return unresolved(parsed.kind, {
        ...ruleOf(RULE.regionAmbiguous),
        message: `"${token.printed}" ${how}; no clue in the title, body or source URL leaves only one: ${listCandidates(result.candidates)}`,
      }, result.candidates, parent);
    }

    const d = result.division;
    const kind = KIND_LEVEL[parsed.kind] && last ? LEVEL_KIND[d.level] : parsed.kind;
    const region: RegionResult = { ...regionOf(d.code), kind, confidence: result.fuzzy ? 'fuzzy' : 'exact' };
    if (parent) region.parent_government = parent;
    const issues: ValidationIssue[] = [];
    if (result.fuzzy) {
      issues.push({
        ...ruleOf(RULE.regionFuzzyMatch),
        message: `"${token.printed}" is not in the NBS 2023 gazetteer; taken as ${describeCandidate(d)}, one character off (${result.fuzzy.printed} for ${result.fuzzy.listed})`,
      });
    }
    if (skipped.length) {
      issues.push({
        ...ruleOf(RULE.regionUnknown),
        message: `"${skipped.reverse().join('", "')}" not in the NBS 2023 gazetteer; placed only as far as ${describeCandidate(d)}`,
      });
    }
    return { region, issues };
  }
  return unresolved(parsed.kind, {
    ...ruleOf(RULE.regionUnknown),
    message: `"${skipped.reverse().join('", "')}" not in the NBS 2023 gazetteer, nor one character off a single division in it`,
  }, undefined, parent);
}

export interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/** Rows for the warehouse `regions` table: each resolved level, province first, with its parent's code. */
export function regionHierarchy(region: RegionResult): RegionRow[] {
  const levels: Array<[DivisionLevel, string | undefined, string | undefined]> = [
    ['province', region.province_code, region.province_name],
    ['city', region.city_code, region.city_name],
    ['county', region.county_code, region.county_name],
    ['township', region.township_code, region.township_name],
  ];
  const rows: RegionRow[] = [];
  for (const [level, code, name] of levels) {
    if (!code) continue;
    rows.push({ code, name: name ?? '', level, parent_code: rows[rows.length - 1]?.code ?? null });
  }
  return rows;
}
