-- Share of requests not disclosed (（三）不予公开), by reason, for township
-- governments next to county governments, all years: requests denied for
-- each reason out of all requests handled (（七）总计), over reports without
-- errors that print both cells.
SELECT
  agency_kind,
  outcome_code,
  outcome_label,
  sum(reports) AS report_years,
  sum(requests) AS requests,
  sum(handled) AS handled,
  round(sum(requests) / nullif(sum(handled), 0), 4) AS share
FROM v_outcome_shares
WHERE agency_kind IN ('township_government', 'county_government')
  AND outcome_code LIKE 'denied\_%' ESCAPE '\'
GROUP BY agency_kind, outcome_code, outcome_label, outcome_position
ORDER BY agency_kind, outcome_position;
