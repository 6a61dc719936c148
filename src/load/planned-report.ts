/**
 * What the plan (pipeline/plan-warehouse.ts) says one row of `reports` holds,
 * and which staged record feeds its facts. The content key covers everything
 * the report's rows depend on: two runs that plan the same content key for a
 * report write the same rows, so the write skips it.
 */
import type { ValidationIssue } from '../transform/record.ts';
import type { Row } from './document-rows.ts';

export interface PlannedReport {
  reportId: string;
  sourcePath: string;
  /** The reports row, every column but content_key (column names as in sql/schema.sql). */
  report: Row;
  /** Stage key of the record whose facts and issues the report holds; null for a failure without a last good record. */
  recordKey: string | null;
  /** For a copy that is not primary: the primary's path and record key (its cells are compared with this copy's). */
  primary: { path: string; recordKey: string } | null;
  /** Issues the plan adds to the record's own (the cross-year check). */
  extraIssues: ValidationIssue[];
  contentKey: string;
}

/** One row of `sources`: a file of the raw folder as this run read it. */
export interface SourceRow {
  path: string;
  sha256: string;
  bytes: number;
  status: string;
  reason: string | null;
  reader_version: string;
}
