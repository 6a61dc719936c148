/**
 * Deterministic warehouse ids (see sql/schema.sql): the same input always
 * gives the same id, so reloading a file replaces its rows instead of adding
 * new ones, and load order never changes an id.
 */
import { createHash } from 'node:crypto';
import type { RegionResult } from '../transform/record.ts';

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
