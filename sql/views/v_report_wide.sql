-- One row per agency and year (primary reports): the agency, its place,
-- the report's template, status and error count, and one column per cell
-- of the template. The cell columns are generated from
-- src/transform/template/template.json where the marker stands:
-- app_<row>_<applicant> (section 三), ad_<item>_<metric> (section 二 counts;
-- money as ad_<item>_amount_yuan), rl_<proceeding>_<outcome> (section 四).
CREATE OR REPLACE VIEW v_report_wide AS
SELECT
  rp.report_id,
  rp.agency_id,
  rp.agency_name,
  rp.agency_kind,
  rp.agency_level,
  rp.province_code,
  rp.province_name,
  rp.city_code,
  rp.city_name,
  rp.county_code,
  rp.county_name,
  rp.township_code,
  rp.township_name,
  rp.year,
  rp.template,
  rp.status,
  rp.has_errors,
  rp.errors,
  rp.warnings,
  /*@cells*/
FROM v_reports rp
LEFT JOIN (SELECT report_id, /*@cells fact_applications*/ FROM fact_applications GROUP BY report_id) app ON app.report_id = rp.report_id
LEFT JOIN (SELECT report_id, /*@cells fact_active_disclosure*/ FROM fact_active_disclosure GROUP BY report_id) ad ON ad.report_id = rp.report_id
LEFT JOIN (SELECT report_id, /*@cells fact_review_litigation*/ FROM fact_review_litigation GROUP BY report_id) rl ON rl.report_id = rp.report_id
WHERE rp.is_primary AND rp.status NOT IN ('failed', 'needs_ocr');
