/**
 * The load layer's public API, the only way into the DuckDB warehouse:
 * open/close, the write of a plan's difference in one transaction,
 * deterministic export, and the reads the pipeline and `nianbao status` need.
 * Schema and views live in sql/schema.sql and sql/views.sql.
 */
export { openWarehouse, Warehouse, TABLES, SCHEMA_VERSION, type TableName, type Scalar, type OpenOptions } from './warehouse-connection.ts';
export { applyPlan, type WarehouseWrite, type WriteSummary } from './apply-plan.ts';
export { exportWarehouse, type ExportFormat } from './warehouse-export.ts';
export { tableCounts, qualitySummary, lastRuns, failingSources, type QualityRow } from './warehouse-queries.ts';
export { reportId } from './ids.ts';
export { agencyIdOf, agencyIdentity } from './agency-identity.ts';
