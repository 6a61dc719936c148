-- nianbao warehouse views. Applied after schema.sql on every open
-- (CREATE OR REPLACE, so editing this file and reopening updates them).
-- Rollups count primary reports only: a duplicate report of the same agency
-- and year (reports.is_primary = FALSE) never counts twice. Sums skip blank
-- cells (NULL); a sum is NULL only when every cell summed was blank.

-- Section 三 with the seven applicant columns side by side: one row per
-- report and template row (the printed table, row by row).
CREATE OR REPLACE VIEW v_applications_wide AS
SELECT
  f.report_id,
  f.agency_id,
  f.year,
  r.is_primary,
  f.row_code,
  max(f.value) FILTER (WHERE f.applicant_code = 'natural_person')        AS natural_person,
  max(f.value) FILTER (WHERE f.applicant_code = 'commercial_enterprise') AS commercial_enterprise,
  max(f.value) FILTER (WHERE f.applicant_code = 'research_institution')  AS research_institution,
  max(f.value) FILTER (WHERE f.applicant_code = 'social_welfare_org')    AS social_welfare_org,
  max(f.value) FILTER (WHERE f.applicant_code = 'legal_service_org')     AS legal_service_org,
  max(f.value) FILTER (WHERE f.applicant_code = 'other_org')             AS other_org,
  max(f.value) FILTER (WHERE f.applicant_code = 'total')                 AS total
FROM fact_applications f
JOIN reports r ON r.report_id = f.report_id
GROUP BY f.report_id, f.agency_id, f.year, r.is_primary, f.row_code;

-- Totals (the 总计 applicant column) of applications received and handled,
-- by the region the agency was placed in and report year.
CREATE OR REPLACE VIEW v_applications_by_province AS
SELECT
  a.province_code,
  g.name AS province_name,
  r.year,
  count(DISTINCT r.report_id) AS reports,
  sum(f.value) FILTER (WHERE f.row_code = 'new_received')  AS new_received,
  sum(f.value) FILTER (WHERE f.row_code = 'total_handled') AS total_handled
FROM fact_applications f
JOIN reports r ON r.report_id = f.report_id
JOIN agencies a ON a.agency_id = r.agency_id
LEFT JOIN regions g ON g.code = a.province_code
WHERE r.is_primary AND f.applicant_code = 'total' AND a.province_code IS NOT NULL
GROUP BY a.province_code, g.name, r.year;

CREATE OR REPLACE VIEW v_applications_by_city AS
SELECT
  a.province_code,
  a.city_code,
  g.name AS city_name,
  r.year,
  count(DISTINCT r.report_id) AS reports,
  sum(f.value) FILTER (WHERE f.row_code = 'new_received')  AS new_received,
  sum(f.value) FILTER (WHERE f.row_code = 'total_handled') AS total_handled
FROM fact_applications f
JOIN reports r ON r.report_id = f.report_id
JOIN agencies a ON a.agency_id = r.agency_id
LEFT JOIN regions g ON g.code = a.city_code
WHERE r.is_primary AND f.applicant_code = 'total' AND a.city_code IS NOT NULL
GROUP BY a.province_code, a.city_code, g.name, r.year;

CREATE OR REPLACE VIEW v_applications_by_county AS
SELECT
  a.province_code,
  a.city_code,
  a.county_code,
  g.name AS county_name,
  r.year,
  count(DISTINCT r.report_id) AS reports,
  sum(f.value) FILTER (WHERE f.row_code = 'new_received')  AS new_received,
  sum(f.value) FILTER (WHERE f.row_code = 'total_handled') AS total_handled
FROM fact_applications f
JOIN reports r ON r.report_id = f.report_id
JOIN agencies a ON a.agency_id = r.agency_id
LEFT JOIN regions g ON g.code = a.county_code
WHERE r.is_primary AND f.applicant_code = 'total' AND a.county_code IS NOT NULL
GROUP BY a.province_code, a.city_code, a.county_code, g.name, r.year;

-- Agencies compared by kind (township_government, county_government,
-- department …) and level: how many reports, and requests received and
-- handled in all, and received per report, per year.
CREATE OR REPLACE VIEW v_applications_by_agency_kind AS
SELECT
  a.kind,
  a.level,
  r.year,
  count(DISTINCT r.report_id) AS reports,
  sum(f.value) FILTER (WHERE f.row_code = 'new_received')  AS new_received,
  sum(f.value) FILTER (WHERE f.row_code = 'total_handled') AS total_handled,
  sum(f.value) FILTER (WHERE f.row_code = 'new_received') / count(DISTINCT r.report_id) AS new_received_per_report
FROM fact_applications f
JOIN reports r ON r.report_id = f.report_id
JOIN agencies a ON a.agency_id = r.agency_id
WHERE r.is_primary AND f.applicant_code = 'total'
GROUP BY a.kind, a.level, r.year;

-- Section 四 summed over primary reports: one row per year and proceeding,
-- outcomes side by side.
CREATE OR REPLACE VIEW v_review_litigation_totals AS
SELECT
  r.year,
  f.proceeding,
  count(DISTINCT r.report_id) AS reports,
  sum(f.value) FILTER (WHERE f.outcome = 'upheld')    AS upheld,
  sum(f.value) FILTER (WHERE f.outcome = 'corrected') AS corrected,
  sum(f.value) FILTER (WHERE f.outcome = 'other')     AS other,
  sum(f.value) FILTER (WHERE f.outcome = 'pending')   AS pending,
  sum(f.value) FILTER (WHERE f.outcome = 'total')     AS total
FROM fact_review_litigation f
JOIN reports r ON r.report_id = f.report_id
WHERE r.is_primary
GROUP BY r.year, f.proceeding;

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
