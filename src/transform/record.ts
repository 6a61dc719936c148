/**
 * What transform produces from one document: the report record (the JSON
 * shape `nianbao extract --json` prints, see ../shared/corpus/README.md)
 * plus every cell as a flat fact with its provenance, ready for loading.
 */
import type { Provenance, SourceFormat } from '../extract/document.ts';

export type TemplateVersion = '2019' | '2021' | 'mixed';

export type TableCode = 'active_disclosure' | 'applications' | 'review_litigation';

export type Severity = 'error' | 'warning' | 'info';

/** One validation or extraction issue, located as exactly as the rule allows. */
export interface ValidationIssue {
  /** Stable rule id, e.g. "applications.identity". */
  rule: string;
  severity: Severity;
  message: string;
  table?: TableCode;
  /** Row code (section 三 row, section 二 item, section 四 proceeding). */
  row?: string;
  /** Column code (applicant column, section 二 metric, section 四 outcome). */
  column?: string;
  printed?: number | null;
  expected?: number | null;
  /** The printed text of the cells an unplaced row or column holds, in order. */
  cells?: string[];
}

/** One table cell mapped onto the template. */
export interface CellFact {
  table: TableCode;
  /** Section 二 item, section 三 row, section 四 proceeding. */
  row: string;
  /** Section 二 metric, section 三 applicant column, section 四 outcome. */
  column: string;
  /** The number printed; null for a blank, "/", "—" and the like. */
  value: number | null;
  /** Unit for money cells ("万元", "元"), else null. */
  unit: string | null;
  /** The cell's text as printed. */
  raw: string;
  source: Provenance;
  /** Read by OCR: the engine's confidence in the cell's text, 0 to 1. */
  confidence?: number;
}

export type MetricValues = Record<string, number | null | string> & { unit?: string | null };

export interface RegionResult {
  province_code?: string;
  province_name?: string;
  city_code?: string;
  city_name?: string;
  county_code?: string;
  county_name?: string;
  township_code?: string;
  township_name?: string;
  /** Lowest level resolved; 'national' for a central-government agency (no division code). */
  level?: 'national' | 'province' | 'city' | 'county' | 'township';
  /** Agency kind (township_government … development_zone), see src/transform/region/parse-agency.ts. */
  kind?: string;
  /** For a department or a government office: the government it belongs to ("沭阳县人民政府"). */
  parent_government?: string;
  confidence: 'exact' | 'fuzzy' | 'override' | 'unresolved';
  candidates?: string[];
}

export interface ReportRecord {
  doc: string;
  /** Set for a report whose tables nianbao does not read: on the template used before 2019. */
  status?: 'unsupported_template';
  format: SourceFormat;
  title: string | null;
  agency: string | null;
  year: number | null;
  template: TemplateVersion | null;
  /** Template version seen per table, for reports that mix them. */
  table_templates: Partial<Record<TableCode, '2019' | '2021'>>;
  active_disclosure: Record<string, MetricValues>;
  applications: Record<string, (number | null)[]>;
  review_litigation: Record<string, (number | null)[]>;
  /** Narrative sections 一, 五, 六 as text. */
  sections: Record<string, string>;
  region?: RegionResult;
  validation: ValidationIssue[];
  /** Every mapped cell with its raw text and provenance. */
  cells: CellFact[];
}
