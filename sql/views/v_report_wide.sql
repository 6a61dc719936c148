-- One row per agency and year (primary reports): the agency, its place,
-- the report's template, status and error count, and one column per cell
-- of the template. The cell columns are generated from
-- src/transform/template/template.json where the marker stands:
-- app_<row>_<applicant> (section 三), ad_<item>_<metric> (section 二 counts;
-- money as ad_<item>_amount_yuan), rl_<proceeding>_<outcome> (section 四),
-- each a PIVOT of its fact table joined where the second marker stands.
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
/*@pivots*/
WHERE rp.is_primary AND rp.status NOT IN ('failed', 'needs_ocr', 'unsupported_template');
