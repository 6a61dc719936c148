-- Change per agency and cell from the agency's previous report: for every
-- primary report, the agency's latest earlier primary report (prev_year;
-- years_apart = 1 is year over year in the strict sense), every cell printed
-- in either, both values, the change, and both reports' statuses.
CREATE OR REPLACE VIEW v_agency_yoy AS
WITH ry AS (
  SELECT
    report_id, agency_id, agency_name, agency_kind, agency_level, province_code, province_name, city_code, city_name,
    county_code, county_name, year, status,
    lag(year) OVER w AS prev_year,
    lag(report_id) OVER w AS prev_report_id,
    lag(status) OVER w AS prev_status
  FROM v_reports
  WHERE is_primary AND agency_id IS NOT NULL AND year IS NOT NULL AND status NOT IN ('failed', 'needs_ocr', 'unsupported_template')
  WINDOW w AS (PARTITION BY agency_id ORDER BY year, report_id)
),
pairs AS (
  SELECT * FROM ry WHERE prev_report_id IS NOT NULL
),
cell_keys AS (
  SELECT p.report_id, c.table_code, c.row_code, c.column_code FROM pairs p JOIN v_cells c ON c.report_id = p.report_id
  UNION
  SELECT p.report_id, c.table_code, c.row_code, c.column_code FROM pairs p JOIN v_cells c ON c.report_id = p.prev_report_id
)
SELECT
  p.agency_id, p.agency_name, p.agency_kind, p.agency_level, p.province_code, p.province_name, p.city_code, p.city_name,
  p.county_code, p.county_name,
  p.year, p.prev_year, p.year - p.prev_year AS years_apart,
  k.table_code, k.row_code, k.column_code,
  l.row_label, l.column_label,
  cur.value AS value,
  prev.value AS prev_value,
  cur.value - prev.value AS change,
  p.status, p.prev_status,
  p.report_id, p.prev_report_id
FROM cell_keys k
JOIN pairs p ON p.report_id = k.report_id
LEFT JOIN v_cells cur ON cur.report_id = p.report_id
  AND cur.table_code = k.table_code AND cur.row_code = k.row_code AND cur.column_code = k.column_code
LEFT JOIN v_cells prev ON prev.report_id = p.prev_report_id
  AND prev.table_code = k.table_code AND prev.row_code = k.row_code AND prev.column_code = k.column_code
LEFT JOIN v_cell_labels l ON l.table_code = k.table_code AND l.row_code = k.row_code AND l.column_code = k.column_code;
