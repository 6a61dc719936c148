-- Section 二 in long form, one row per cell of a primary report: counts in
-- value, money as printed (amount_printed, unit) and in yuan (amount_yuan),
-- with the template's labels (the 2021 wording where it differs).
CREATE OR REPLACE VIEW v_active_disclosure AS
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
  f.item,
  ti.label AS item_label,
  ti.label_2021 AS item_label_2021,
  ti.name_en AS item_name_en,
  f.metric,
  tm.label AS metric_label,
  tm.name_en AS metric_name_en,
  f.value,
  f.amount_printed,
  f.unit,
  f.amount_yuan,
  f.raw_text
FROM fact_active_disclosure f
JOIN v_reports rp ON rp.report_id = f.report_id
LEFT JOIN template_codes ti ON ti.table_code = 'active_disclosure' AND ti.dimension = 'item' AND ti.code = f.item
LEFT JOIN template_codes tm ON tm.table_code = 'active_disclosure' AND tm.dimension = 'metric' AND tm.code = f.metric
WHERE rp.is_primary;
