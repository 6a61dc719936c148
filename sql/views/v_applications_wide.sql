-- Section 三 as printed: one row per primary report and template row, the
-- seven applicant columns side by side, with the row's label and the
-- report's status.
CREATE OR REPLACE VIEW v_applications_wide AS
SELECT
  f.report_id,
  rp.agency_id,
  rp.agency_name,
  rp.year,
  rp.status,
  f.row_code,
  any_value(t.position) AS row_position,
  any_value(t.label) AS row_label,
  max(f.value) FILTER (WHERE f.applicant_code = 'natural_person')        AS natural_person,
  max(f.value) FILTER (WHERE f.applicant_code = 'commercial_enterprise') AS commercial_enterprise,
  max(f.value) FILTER (WHERE f.applicant_code = 'research_institution')  AS research_institution,
  max(f.value) FILTER (WHERE f.applicant_code = 'social_welfare_org')    AS social_welfare_org,
  max(f.value) FILTER (WHERE f.applicant_code = 'legal_service_org')     AS legal_service_org,
  max(f.value) FILTER (WHERE f.applicant_code = 'other_org')             AS other_org,
  max(f.value) FILTER (WHERE f.applicant_code = 'total')                 AS total
FROM fact_applications f
JOIN v_reports rp ON rp.report_id = f.report_id
LEFT JOIN template_codes t ON t.table_code = 'applications' AND t.dimension = 'row_code' AND t.code = f.row_code
WHERE rp.is_primary
GROUP BY f.report_id, rp.agency_id, rp.agency_name, rp.year, rp.status, f.row_code;
