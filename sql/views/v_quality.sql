-- Data quality at a glance: validation issues by rule and severity (n =
-- issues, reports = reports with at least one), and reports by status
-- (n = reports = number of reports).
CREATE OR REPLACE VIEW v_quality AS
SELECT 'issue' AS category, rule AS name, severity, count(*) AS n, count(DISTINCT report_id) AS reports
FROM validation_issues
GROUP BY rule, severity
UNION ALL
SELECT 'report_status' AS category, status AS name, NULL AS severity, count(*) AS n, count(*) AS reports
FROM reports
GROUP BY status;
