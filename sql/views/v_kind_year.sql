-- Agencies compared by kind (township_government, county_government,
-- department …) and level, per year: reports, reports with errors, requests
-- received and handled over reports without errors (per report too), and the
-- same sums over reports with errors apart (_err).
CREATE OR REPLACE VIEW v_kind_year AS
SELECT
  agency_kind,
  agency_level,
  year,
  count(*) AS reports,
  count(*) FILTER (WHERE has_errors) AS reports_with_errors,
  sum(new_received) FILTER (WHERE NOT has_errors) AS new_received,
  sum(total_handled) FILTER (WHERE NOT has_errors) AS total_handled,
  sum(new_received) FILTER (WHERE NOT has_errors) / nullif(count(*) FILTER (WHERE NOT has_errors), 0) AS new_received_per_report,
  sum(new_received) FILTER (WHERE has_errors) AS new_received_err,
  sum(total_handled) FILTER (WHERE has_errors) AS total_handled_err
FROM v_report_totals
GROUP BY agency_kind, agency_level, year;
