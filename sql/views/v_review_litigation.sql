-- Section 四 in long form, one row per cell of a primary report, with the
-- template's labels of the proceeding and the outcome.
CREATE OR REPLACE VIEW v_review_litigation AS
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
  rp.year,
  rp.template,
  rp.status,
  rp.has_errors,
  f.proceeding,
  tp.label AS proceeding_label,
  tp.name_en AS proceeding_name_en,
  f.outcome,
  tt.label AS outcome_label,
  tt.name_en AS outcome_name_en,
  f.value,
  f.raw_text
FROM fact_review_litigation f
JOIN v_reports rp ON rp.report_id = f.report_id
LEFT JOIN template_codes tp ON tp.table_code = 'review_litigation' AND tp.dimension = 'proceeding' AND tp.code = f.proceeding
LEFT JOIN template_codes tt ON tt.table_code = 'review_litigation' AND tt.dimension = 'outcome' AND tt.code = f.outcome
WHERE rp.is_primary;
