/**
 * The load layer's public API, the only way into the DuckDB warehouse:
 * open/close, batch load in one transaction, removal of reports whose file
 * is gone, deterministic export, and the reads the pipeline and validation
 * need, and the analysts' side: read-only opens, exports of the views
 * (export/) and the data dictionary (dictionary/). Schema and views live in
 * sql/schema.sql and sql/views/.
 */
export { openWarehouse, Warehouse, TABLES, type TableName, type Scalar, type OpenOptions } from './warehouse-connection.ts';
export { loadBatch, removeMissing, type LoadOptions, type LoadSummary } from './load-batch.ts';
export { exportWarehouse, type ExportFormat } from './warehouse-export.ts';
export { exportViews, EXPORT_FORMATS, type ExportFileFormat, type ExportRequest, type ExportResult } from './export/export-views.ts';
export { VIEWS, EXPORTED_VIEWS } from './warehouse-views.ts';
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
export { warehouseDictionary } from './dictionary/warehouse-dictionary.ts';
export { dictionaryCsv, dictionaryMarkdown } from './dictionary/render-dictionary.ts';
export { csvLine, neutralise } from './export/csv-cells.ts';
