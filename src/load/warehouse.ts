/**
 * The load layer's public API, the only way into the DuckDB warehouse:
 * open/close, batch load in one transaction, removal of reports whose file
 * is gone, deterministic export, and the reads the pipeline and validation
 * need. Schema and views live in sql/schema.sql and sql/views.sql.
 */
export { openWarehouse, Warehouse, TABLES, type TableName, type Scalar } from './warehouse-connection.ts';
export { loadBatch, removeMissing, type LoadOptions, type LoadSummary } from './load-batch.ts';
export { exportWarehouse, type ExportFormat } from './warehouse-export.ts';
export {
  tableCounts,
  reportFingerprints,
  previousYearCarriedForward,
  qualitySummary,
  reportsOfAgencyYears,
  type QualityRow,
} from './warehouse-queries.ts';
export { reportId, agencyId } from './ids.ts';
export type { DocumentResult, SourceFile, ReportStatus } from './document-result.ts';
