-- One row per report (every report, primary or not, failures too): the
-- agency, its place, the report's status and how many errors and warnings
-- its validation found, and where the file came from. The base of the other views.
-- A stale report (its file fails now) keeps its last good facts and issues:
-- has_errors is what its record would give (an error among its issues). An
-- unsupported_template report (the pre-2019 template) has agency and year
-- but no numbers; the counting views leave it out with failed and needs_ocr.
CREATE OR REPLACE VIEW v_reports AS
SELECT
  r.report_id,
  r.agency_id,
  a.name AS agency_name,
  a.kind AS agency_kind,
  a.level AS agency_level,
  a.province_code,
  a.province_name,
  a.city_code,
  a.city_name,
  a.county_code,
  a.county_name,
  a.township_code,
  a.township_name,
  r.year,
  r.template,
  r.status,
  r.status = 'errors' OR (r.status = 'stale' AND coalesce(i.errors, 0) > 0) AS has_errors,
  coalesce(i.errors, 0) AS errors,
  coalesce(i.warnings, 0) AS warnings,
  r.is_primary,
  r.duplicate_of,
  r.title,
  r.source_path,
  r.format,
  r.sha256,
  r.source_url,
  r.published,
  r.failure_reason
FROM reports r
LEFT JOIN agencies a ON a.agency_id = r.agency_id
LEFT JOIN (
  SELECT report_id,
    count(*) FILTER (WHERE severity = 'error') AS errors,
    count(*) FILTER (WHERE severity = 'warning') AS warnings
  FROM validation_issues GROUP BY report_id
) i ON i.report_id = r.report_id;
