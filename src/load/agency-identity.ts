/**
 * One agency_id per agency, across years and spellings (pure):
 *   - a government (township, county, city, province) or a development zone:
 *     its division code and its kind. 洪泽区人民政府 (2023) and
 *     淮安市洪泽区人民政府 (2024) are both 320813 county_government;
 *   - a department or office: the code of its government's division and its
 *     name without the place names in front (淮安市洪泽区发展和改革委员会 and
 *     洪泽区发展和改革委员会 are 320813 发展和改革委员会);
 *   - a central agency: its name;
 *   - an override (data/overrides/agencies.csv) with an `agency` value: its
 *     code and that name, whatever the kind: merges spellings, or splits a
 *     name off;
 *   - a name placed nowhere: the name alone; a name that fits several places
 *     (城关镇): the name and the document, so it is never merged with anyone.
 * The id is the first 16 hex digits of the sha256 of that identity.
 */
import { createHash } from 'node:crypto';
import type { RegionResult } from '../transform/record.ts';
import { GOVERNMENT_KINDS } from '../transform/region/parse-agency.ts';
import { isResolved, normalizeAgencyName } from './ids.ts';

export interface AgencyClues {
  agency: string | null;
  region?: RegionResult;
  doc: string;
}

/** An identity override: names matching `pattern` are the agency `agency` at division `code`. */
export interface IdentityOverride {
  pattern: RegExp;
  code: string;
  agency?: string;
}

/** Suffixes of a place name that a prefix may leave off (上海科委 for 上海市科委). */
const PLACE_SUFFIX = /(?:省|市|自治区|自治州|自治县|地区|盟|区|县|旗|镇|乡|街道)$/u;

/** Fewest characters a department name keeps once place names are taken off its front. */
const MIN_DEPARTMENT_NAME = 2;

function hash16(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

function lowestCode(region: RegionResult): string {
  return region.township_code ?? region.county_code ?? region.city_code ?? region.province_code ?? '';
}

/** The name with the region's own place names (full or without 省/市/区/县…) taken off its front, as often as they lead. */
export function withoutPlacePrefix(name: string, region: RegionResult): string {
  const places = [region.province_name, region.city_name, region.county_name, region.township_name]
    .filter((p): p is string => Boolean(p))
    .flatMap((p) => [normalizeAgencyName(p), normalizeAgencyName(p).replace(PLACE_SUFFIX, '')])
    .filter((p) => p.length >= 2)
    .sort((a, b) => b.length - a.length);
  let rest = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of places) {
      if (rest.startsWith(p) && rest.length - p.length >= MIN_DEPARTMENT_NAME) {
        rest = rest.slice(p.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/** The identity string an agency_id hashes; null without a name. */
export function agencyIdentity(clues: AgencyClues, overrides: readonly IdentityOverride[] = []): string | null {
  if (clues.agency === null) return null;
  const name = normalizeAgencyName(clues.agency);
  if (name === '') return null;
  const override = overrides.find((o) => o.agency !== undefined && o.pattern.test(name));
  if (override) return `override|${override.code}|${normalizeAgencyName(override.agency as string)}`;
  const region = clues.region;
  if (region?.kind === 'central_agency') return `central|${name}`;
  if (!isResolved(region)) return (clues.region?.candidates?.length ?? 0) > 0 ? `ambiguous|${name}|${clues.doc}` : `unplaced|${name}`;
  const code = lowestCode(region);
  if (region.kind !== undefined && GOVERNMENT_KINDS.has(region.kind)) return `government|${code}|${region.kind}`;
  return `department|${code}|${withoutPlacePrefix(name, region)}`;
}

export function agencyIdOf(clues: AgencyClues, overrides: readonly IdentityOverride[] = []): string | null {
  const identity = agencyIdentity(clues, overrides);
  return identity === null ? null : hash16(identity);
}
