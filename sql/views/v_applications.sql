-- Section 三 in long form, one row per cell of a primary report, with the
-- template's Chinese label and English name of the row and the applicant
-- column, the agency's place and the report's status.
CREATE OR REPLACE VIEW v_applications AS
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
  f.row_code,
  tr.position AS row_position,
  tr.label AS row_label,
  tr.group_label AS row_group_label,
  tr.name_en AS row_name_en,
  f.applicant_code,
  tc.label AS applicant_label,
  tc.group_label AS applicant_group_label,
  tc.name_en AS applicant_name_en,
  f.value,
  f.raw_text
FROM fact_applications f
JOIN v_reports rp ON rp.report_id = f.report_id
LEFT JOIN template_codes tr ON tr.table_code = 'applications' AND tr.dimension = 'row_code' AND tr.code = f.row_code
LEFT JOIN template_codes tc ON tc.table_code = 'applications' AND tc.dimension = 'applicant_code' AND tc.code = f.applicant_code
WHERE rp.is_primary;
