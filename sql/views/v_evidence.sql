-- Where every fact was read: the file (source_path as stored, the raw folder
-- the latest run read (runs.raw_root), and the two joined), its sha256 and URL, the page (PDF,
-- 1-based), the template's labels of the cell's row and column, and the text
-- printed in the cell; source_block/row/col place the cell in the document
-- model (0-based: the block's order among headings, paragraphs and tables,
-- the row and column in that table's grid).
CREATE OR REPLACE VIEW v_evidence AS
SELECT
  c.report_id,
  rp.agency_name,
  rp.year,
  rp.status,
  c.table_code,
  c.row_code,
  c.column_code,
  l.row_label,
  l.column_label,
  c.value,
  c.unit,
  c.raw_text,
  rp.source_path,
  run.raw_root,
  CASE WHEN run.raw_root IS NULL THEN rp.source_path ELSE run.raw_root || '/' || rp.source_path END AS file_path,
  rp.format,
  rp.sha256,
  rp.source_url,
  c.page,
  c.source_block,
  c.source_row,
  c.source_col
FROM v_cells c
JOIN v_reports rp ON rp.report_id = c.report_id
LEFT JOIN v_cell_labels l ON l.table_code = c.table_code AND l.row_code = c.row_code AND l.column_code = c.column_code
LEFT JOIN (SELECT raw_root FROM runs ORDER BY run_id DESC LIMIT 1) run ON TRUE;
