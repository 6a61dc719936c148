-- Agencies whose totals never add up: every primary report of theirs has
-- a validation error, with the years and the rules that fail.
SELECT
  r.agency_name,
  r.agency_kind,
  r.province_name,
  count(DISTINCT r.report_id) AS reports,
  string_agg(DISTINCT CAST(r.year AS VARCHAR), ', ' ORDER BY CAST(r.year AS VARCHAR)) AS years,
  string_agg(DISTINCT i.rule, ', ' ORDER BY i.rule) AS failing_rules,
  count(i.rule) AS errors
FROM v_reports r
LEFT JOIN validation_issues i ON i.report_id = r.report_id AND i.severity = 'error'
WHERE r.is_primary AND r.agency_id IS NOT NULL AND r.status NOT IN ('failed', 'needs_ocr', 'unsupported_template')
GROUP BY r.agency_id, r.agency_name, r.agency_kind, r.province_name
HAVING bool_and(r.has_errors)
ORDER BY r.agency_name;
