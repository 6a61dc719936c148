-- The template's label of every (table, row code, column code) pair: the
-- row's and the column's Chinese label, group and English name.
CREATE OR REPLACE VIEW v_cell_labels AS
SELECT
  r.table_code,
  r.code AS row_code,
  c.code AS column_code,
  r.label AS row_label,
  r.group_label AS row_group_label,
  r.name_en AS row_name_en,
  c.label AS column_label,
  c.name_en AS column_name_en
FROM template_codes r
JOIN template_codes c ON c.table_code = r.table_code
WHERE r.dimension IN ('item', 'row_code', 'proceeding') AND c.dimension IN ('metric', 'applicant_code', 'outcome');
