-- Every validation issue with the report's agency, year, status and source
-- file, the page of the cell it names (PDF, 1-based), the template's labels
-- of that cell's row and column, and the printed and expected values.
CREATE OR REPLACE VIEW v_issues AS
SELECT
  i.report_id,
  rp.agency_id,
  rp.agency_name,
  rp.agency_kind,
  rp.province_name,
  rp.city_name,
  rp.county_name,
  rp.year,
  rp.status,
  rp.is_primary,
  i.rule,
  i.severity,
  i.table_code,
  i.row_code,
  i.column_code,
  coalesce(l.row_label, rl.label) AS row_label,
  l.column_label,
  i.printed,
  i.expected,
  i.message,
  rp.source_path,
  c.page
FROM validation_issues i
JOIN v_reports rp ON rp.report_id = i.report_id
LEFT JOIN v_cell_labels l ON l.table_code = i.table_code AND l.row_code = i.row_code AND l.column_code = i.column_code
LEFT JOIN (SELECT DISTINCT table_code, code, label FROM template_codes WHERE dimension IN ('item', 'row_code', 'proceeding')) rl
  ON rl.table_code = i.table_code AND rl.code = i.row_code AND i.column_code IS NULL
LEFT JOIN (
  SELECT report_id, table_code, row_code, min(page) AS page FROM v_cells GROUP BY report_id, table_code, row_code
) c ON c.report_id = i.report_id AND c.table_code = i.table_code AND c.row_code = i.row_code;
