/**
 * The load layer's public API, the only way into the DuckDB warehouse:
 * open/close (read-write, or read-only for the analysts' commands), the
 * write of a plan's difference in one transaction, deterministic export,
 * the reads the pipeline and `nianbao status` need, and the analysts' side:
 * exports of the views (export/) and the data dictionary (dictionary/).
 * Schema and views live in sql/schema.sql and sql/views/.
 */
export { openWarehouse, Warehouse, TABLES, SCHEMA_VERSION, type TableName, type Scalar, type OpenOptions } from './warehouse-connection.ts';
export { applyPlan, type WarehouseWrite, type WriteSummary } from './apply-plan.ts';
export { exportWarehouse, type ExportFormat } from './warehouse-export.ts';
export { exportViews, EXPORT_FORMATS, type ExportFileFormat, type ExportRequest, type ExportResult } from './export/export-views.ts';
export { VIEWS, EXPORTED_VIEWS } from './warehouse-views.ts';
export { tableCounts, qualitySummary, lastRuns, failingSources, type QualityRow } from './warehouse-queries.ts';
export { reportId } from './ids.ts';
export { agencyIdOf, agencyIdentity } from './agency-identity.ts';
export { warehouseDictionary } from './dictionary/warehouse-dictionary.ts';
export { dictionaryCsv, dictionaryMarkdown } from './dictionary/render-dictionary.ts';
export { csvLine, neutralise } from './export/csv-cells.ts';
