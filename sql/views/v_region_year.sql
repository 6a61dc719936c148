-- Per province, city and county (region_level) and year: how many primary
-- reports of agencies placed there, how many of them have errors, how many
-- governments reported out of those the gazetteer knows in the region (its
-- own government and one per division below it, grouping rows such as 市辖区
-- left out), and section 三 summed over the reports WITHOUT errors; the
-- columns ending _err sum the reports WITH errors, apart, so a report that
-- does not add up never hides in a total. Only regions with a report that year.
CREATE OR REPLACE VIEW v_region_year AS
WITH placed AS (
  SELECT 'province' AS region_level, province_code AS region_code, * FROM v_report_totals WHERE province_code IS NOT NULL
  UNION ALL
  SELECT 'city' AS region_level, city_code AS region_code, * FROM v_report_totals WHERE city_code IS NOT NULL
  UNION ALL
  SELECT 'county' AS region_level, county_code AS region_code, * FROM v_report_totals WHERE county_code IS NOT NULL
),
known AS (
  SELECT
    ancestor AS region_code,
    count(*) FILTER (WHERE level = 'city') AS city_governments_known,
    count(*) FILTER (WHERE level = 'county') AS county_governments_known,
    count(*) FILTER (WHERE level = 'township') AS township_governments_known
  FROM (
    SELECT code, level, unnest([left(code, 2), left(code, 4), left(code, 6)]) AS ancestor
    FROM regions WHERE NOT coalesce(is_grouping, FALSE)
  )
  WHERE length(ancestor) < length(code)
  GROUP BY ancestor
),
rolled AS (
  SELECT
    region_level,
    region_code,
    year,
    count(*) AS reports,
    count(*) FILTER (WHERE has_errors) AS reports_with_errors,
    count(DISTINCT agency_id) AS agencies_reporting,
    bool_or(agency_kind LIKE '%\_government' ESCAPE '\' AND agency_level = region_level) AS own_government_reported,
    count(DISTINCT city_code) FILTER (WHERE agency_kind = 'city_government' AND region_level <> 'city') AS city_governments_reporting,
    count(DISTINCT county_code) FILTER (WHERE agency_kind = 'county_government' AND region_level <> 'county') AS county_governments_reporting,
    count(DISTINCT township_code) FILTER (WHERE agency_kind = 'township_government') AS township_governments_reporting,
    sum(new_received) FILTER (WHERE NOT has_errors) AS new_received,
    sum(carried_over) FILTER (WHERE NOT has_errors) AS carried_over,
    sum(granted) FILTER (WHERE NOT has_errors) AS granted,
    sum(partially_granted) FILTER (WHERE NOT has_errors) AS partially_granted,
    sum(denied) FILTER (WHERE NOT has_errors) AS denied,
    sum(unable) FILTER (WHERE NOT has_errors) AS unable,
    sum(rejected) FILTER (WHERE NOT has_errors) AS rejected,
    sum(other_handling) FILTER (WHERE NOT has_errors) AS other_handling,
    sum(total_handled) FILTER (WHERE NOT has_errors) AS total_handled,
    sum(carried_forward) FILTER (WHERE NOT has_errors) AS carried_forward,
    sum(new_received) FILTER (WHERE has_errors) AS new_received_err,
    sum(new_received_by_applicant) FILTER (WHERE has_errors) AS new_received_by_applicant_err,
    sum(carried_over) FILTER (WHERE has_errors) AS carried_over_err,
    sum(granted) FILTER (WHERE has_errors) AS granted_err,
    sum(partially_granted) FILTER (WHERE has_errors) AS partially_granted_err,
    sum(denied) FILTER (WHERE has_errors) AS denied_err,
    sum(unable) FILTER (WHERE has_errors) AS unable_err,
    sum(rejected) FILTER (WHERE has_errors) AS rejected_err,
    sum(other_handling) FILTER (WHERE has_errors) AS other_handling_err,
    sum(total_handled) FILTER (WHERE has_errors) AS total_handled_err,
    sum(total_handled_by_applicant) FILTER (WHERE has_errors) AS total_handled_by_applicant_err,
    sum(carried_forward) FILTER (WHERE has_errors) AS carried_forward_err
  FROM placed
  GROUP BY region_level, region_code, year
)
SELECT
  r.region_level,
  r.region_code,
  g.name AS region_name,
  left(r.region_code, 2) AS province_code,
  p.name AS province_name,
  r.year,
  r.reports,
  r.reports_with_errors,
  r.agencies_reporting,
  1 + CASE r.region_level WHEN 'province' THEN coalesce(k.city_governments_known, 0) ELSE 0 END
    + CASE WHEN r.region_level IN ('province', 'city') THEN coalesce(k.county_governments_known, 0) ELSE 0 END
    + coalesce(k.township_governments_known, 0) AS governments_known,
  (CASE WHEN r.own_government_reported THEN 1 ELSE 0 END) + r.city_governments_reporting + r.county_governments_reporting
    + r.township_governments_reporting AS governments_reporting,
  r.own_government_reported,
  CASE WHEN r.region_level = 'province' THEN coalesce(k.city_governments_known, 0) END AS city_governments_known,
  CASE WHEN r.region_level = 'province' THEN r.city_governments_reporting END AS city_governments_reporting,
  CASE WHEN r.region_level IN ('province', 'city') THEN coalesce(k.county_governments_known, 0) END AS county_governments_known,
  CASE WHEN r.region_level IN ('province', 'city') THEN r.county_governments_reporting END AS county_governments_reporting,
  coalesce(k.township_governments_known, 0) AS township_governments_known,
  r.township_governments_reporting,
  r.* EXCLUDE (region_level, region_code, year, reports, reports_with_errors, agencies_reporting, own_government_reported,
               city_governments_reporting, county_governments_reporting, township_governments_reporting)
FROM rolled r
LEFT JOIN regions g ON g.code = r.region_code
LEFT JOIN regions p ON p.code = left(r.region_code, 2)
LEFT JOIN known k ON k.region_code = r.region_code;
