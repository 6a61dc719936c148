-- Section 四 summed per year and proceeding over primary reports without
-- errors, outcomes side by side; reports_with_errors and total_err give the
-- reports with errors apart.
CREATE OR REPLACE VIEW v_review_litigation_totals AS
SELECT
  rp.year,
  f.proceeding,
  any_value(t.label) AS proceeding_label,
  count(DISTINCT rp.report_id) AS reports,
  count(DISTINCT rp.report_id) FILTER (WHERE rp.has_errors) AS reports_with_errors,
  sum(f.value) FILTER (WHERE f.outcome = 'upheld' AND NOT rp.has_errors)    AS upheld,
  sum(f.value) FILTER (WHERE f.outcome = 'corrected' AND NOT rp.has_errors) AS corrected,
  sum(f.value) FILTER (WHERE f.outcome = 'other' AND NOT rp.has_errors)     AS other,
  sum(f.value) FILTER (WHERE f.outcome = 'pending' AND NOT rp.has_errors)   AS pending,
  sum(f.value) FILTER (WHERE f.outcome = 'total' AND NOT rp.has_errors)     AS total,
  sum(f.value) FILTER (WHERE f.outcome = 'total' AND rp.has_errors)         AS total_err
FROM fact_review_litigation f
JOIN v_reports rp ON rp.report_id = f.report_id
LEFT JOIN template_codes t ON t.table_code = 'review_litigation' AND t.dimension = 'proceeding' AND t.code = f.proceeding
WHERE rp.is_primary
GROUP BY rp.year, f.proceeding;
