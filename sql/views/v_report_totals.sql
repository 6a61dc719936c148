-- One row per primary report with section 三 read as totals: the 总计
-- column of every row group (requests received, each outcome group, carried
-- forward), and for requests received and handled also the sum of the six
-- applicant columns, which differs from the printed 总计 where a report does
-- not add up. The base of v_region_year and v_outcome_shares.
CREATE OR REPLACE VIEW v_report_totals AS
SELECT
  rp.report_id,
  rp.agency_id,
  rp.agency_name,
  rp.agency_kind,
  rp.agency_level,
  rp.province_code,
  rp.city_code,
  rp.county_code,
  rp.township_code,
  rp.year,
  rp.status,
  rp.has_errors,
  rp.errors,
  t.new_received,
  t.new_received_by_applicant,
  t.carried_over,
  t.granted,
  t.partially_granted,
  t.denied,
  t.unable,
  t.rejected,
  t.other_handling,
  t.total_handled,
  t.total_handled_by_applicant,
  t.carried_forward
FROM v_reports rp
LEFT JOIN (
  SELECT
    report_id,
    sum(value) FILTER (WHERE applicant_code = 'total' AND row_code = 'new_received') AS new_received,
    sum(value) FILTER (WHERE applicant_code <> 'total' AND row_code = 'new_received') AS new_received_by_applicant,
    sum(value) FILTER (WHERE applicant_code = 'total' AND row_code = 'carried_over') AS carried_over,
    sum(value) FILTER (WHERE applicant_code = 'total' AND row_code = 'granted') AS granted,
    sum(value) FILTER (WHERE applicant_code = 'total' AND row_code = 'partially_granted') AS partially_granted,
    sum(value) FILTER (WHERE applicant_code = 'total' AND row_code LIKE 'denied\_%' ESCAPE '\') AS denied,
    sum(value) FILTER (WHERE applicant_code = 'total' AND row_code LIKE 'unable\_%' ESCAPE '\') AS unable,
    sum(value) FILTER (WHERE applicant_code = 'total' AND row_code LIKE 'rejected\_%' ESCAPE '\') AS rejected,
    sum(value) FILTER (WHERE applicant_code = 'total' AND row_code LIKE 'other\_%' ESCAPE '\') AS other_handling,
    sum(value) FILTER (WHERE applicant_code = 'total' AND row_code = 'total_handled') AS total_handled,
    sum(value) FILTER (WHERE applicant_code <> 'total' AND row_code = 'total_handled') AS total_handled_by_applicant,
    sum(value) FILTER (WHERE applicant_code = 'total' AND row_code = 'carried_forward') AS carried_forward
  FROM fact_applications
  GROUP BY report_id
) t ON t.report_id = rp.report_id
WHERE rp.is_primary AND rp.status NOT IN ('failed', 'needs_ocr', 'unsupported_template');
