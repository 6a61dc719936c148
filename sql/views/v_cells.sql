-- Every fact of the three tables in one shape: table_code, row_code,
-- column_code, the number (counts, or money in yuan for section 二 amounts),
-- the printed text and the cell's place in the source. The base of
-- v_agency_yoy and v_evidence.
CREATE OR REPLACE VIEW v_cells AS
SELECT report_id, 'active_disclosure' AS table_code, item AS row_code, metric AS column_code,
  CAST(coalesce(CAST(value AS DECIMAL(24, 6)), amount_yuan) AS DECIMAL(24, 6)) AS value,
  value IS NULL AND amount_printed IS NOT NULL AS is_money,
  amount_printed, unit, raw_text, page, source_block, source_row, source_col
FROM fact_active_disclosure
UNION ALL
SELECT report_id, 'applications', row_code, applicant_code, CAST(value AS DECIMAL(24, 6)), FALSE,
  NULL, NULL, raw_text, page, source_block, source_row, source_col
FROM fact_applications
UNION ALL
SELECT report_id, 'review_litigation', proceeding, outcome, CAST(value AS DECIMAL(24, 6)), FALSE,
  NULL, NULL, raw_text, page, source_block, source_row, source_col
FROM fact_review_litigation;
