-- Requests received and handled per province and year, with coverage: how
-- many primary reports, how many of them have errors (their numbers apart,
-- in the _err columns), and how many of the province's people's governments
-- (its own, its cities, counties and townships in the gazetteer) reported.
SELECT
  province_name,
  year,
  reports,
  reports_with_errors,
  governments_reporting,
  governments_known,
  round(100.0 * governments_reporting / governments_known, 2) AS coverage_pct,
  new_received,
  total_handled,
  new_received_err,
  new_received_by_applicant_err
FROM v_region_year
WHERE region_level = 'province'
ORDER BY province_code, year;
