/**
 * Deterministic warehouse ids (see sql/schema.sql): the same input always
 * gives the same id, so reloading a file replaces its rows instead of adding
 * new ones, and load order never changes an id.
 */
import { createHash } from 'node:crypto';
import type { RegionResult, ReportRecord } from '../transform/record.ts';

function hash16(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** report_id: from the source path alone, so re-publishing the same path replaces the report. */
export function reportId(sourcePath: string): string {
  return hash16(sourcePath);
}

/** The agency name as stored and hashed: NFKC, every white space character removed. */
export function normalizeAgencyName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/** True when the resolver placed the agency on the map (some region code is known). */
export function isResolved(region: RegionResult | undefined): region is RegionResult {
  return (
    region !== undefined &&
    region.confidence !== 'unresolved' &&
    Boolean(region.province_code || region.city_code || region.county_code || region.township_code)
  );
}

/**
 * agency_id: region codes plus normalised name when the region is resolved;
 * the normalised name alone when the name places nowhere the gazetteer
 * knows; null without a name. A name that fits several places (城关镇: 88
 * towns) identifies no one agency: its id is the name and the document, so
 * two such documents are never taken for one agency, nor for two copies of
 * one report.
 */
export function agencyId({ agency, region, doc }: Pick<ReportRecord, 'agency' | 'region' | 'doc'>): string | null {
  if (agency === null) return null;
  const name = normalizeAgencyName(agency);
  if (name === '') return null;
  const ambiguous = (region?.candidates?.length ?? 0) > 0;
  if (!isResolved(region)) return hash16(ambiguous ? `${name}|${doc}` : name);
  const codes = [region.province_code, region.city_code, region.county_code, region.township_code].map((c) => c ?? '');
  return hash16(`${codes.join('|')}|${name}`);
}
