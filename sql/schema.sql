-- nianbao warehouse schema (DuckDB). Idempotent: applied on every open.
--
-- Identity (computed in src/load/ids.ts, first 16 hex chars of a sha256):
--   report_id = sha256(source_path), source_path relative to the raw folder
--               with forward slashes. The same path re-published with new
--               bytes keeps its report_id and replaces the old rows; the
--               bytes' own hash is kept in reports.sha256 to detect changes.
--   agency_id = sha256(province|city|county|township code|agency name) when
--               the region resolver placed the agency, else sha256(name)
--               alone, or sha256(name|source_path) when the name fits several
--               places (城关镇): such a name identifies no one agency. The
--               name is NFKC-normalised with white space removed.
--               A record without an agency name has agency_id NULL.
--
-- Codes stored in the fact tables are the canonical codes of
-- src/transform/template/template.json. A blank cell ("", "/", "—") is a
-- row with value NULL, never 0. Facts carry their provenance: the printed
-- text and where it was found (page for PDF, block/row/col in the document
-- model, 0-based).
--
-- regions and agencies hold only what loaded reports refer to: every load
-- drops agencies no report points at and regions no agency points at.

-- The data dictionary: every template code the fact tables use, with the
-- label the template prints for it (src/transform/template/template.json).
-- Rewritten on every open, so it always matches the code that loads facts.
CREATE TABLE IF NOT EXISTS template_codes (
  table_code  VARCHAR NOT NULL,              -- active_disclosure, applications, review_litigation
  dimension   VARCHAR NOT NULL,              -- the fact column the code goes in: item, metric, row_code, applicant_code, proceeding, outcome
  code        VARCHAR NOT NULL,
  position    INTEGER NOT NULL,              -- order in the printed table, from 1
  label       VARCHAR NOT NULL,
  label_2021  VARCHAR,                       -- the 2021 template's wording where it differs
  group_label VARCHAR,                       -- what the row or column is printed under
  only_in     VARCHAR,                       -- '2019' or '2021' for a code only one template version prints
  PRIMARY KEY (table_code, dimension, code)
);

CREATE TABLE IF NOT EXISTS regions (
  code        VARCHAR PRIMARY KEY,           -- NBS 统计用区划代码 prefix: 2 province, 4 city, 6 county, 9 township digits
  name        VARCHAR NOT NULL,
  level       VARCHAR NOT NULL CHECK (level IN ('province', 'city', 'county', 'township')),
  parent_code VARCHAR                        -- next level up in the agency's resolved chain; NULL for a province
);

CREATE TABLE IF NOT EXISTS agencies (
  agency_id     VARCHAR PRIMARY KEY,
  name          VARCHAR NOT NULL,
  kind          VARCHAR,                     -- township_government … development_zone (src/transform/region/parse-agency.ts)
  level         VARCHAR CHECK (level IS NULL OR level IN ('national', 'province', 'city', 'county', 'township')),
  province_code VARCHAR,
  province_name VARCHAR,
  city_code     VARCHAR,
  city_name     VARCHAR,
  county_code   VARCHAR,
  county_name   VARCHAR,
  township_code VARCHAR,
  township_name VARCHAR,
  parent_agency VARCHAR                      -- the government a department or office belongs to, by name
);

CREATE TABLE IF NOT EXISTS reports (
  report_id      VARCHAR PRIMARY KEY,
  agency_id      VARCHAR,                    -- NULL for failures and records without an agency name
  year           INTEGER,
  template       VARCHAR CHECK (template IS NULL OR template IN ('2019', '2021', 'mixed')),
  source_path    VARCHAR NOT NULL UNIQUE,
  format         VARCHAR NOT NULL,
  sha256         VARCHAR NOT NULL,
  bytes          BIGINT NOT NULL,
  status         VARCHAR NOT NULL CHECK (status IN ('ok', 'warnings', 'errors', 'unsupported_template', 'needs_ocr', 'failed')),
  is_primary     BOOLEAN NOT NULL,           -- FALSE for duplicates of another report and for failures
  duplicate_of   VARCHAR,                    -- report_id of the primary report this one duplicates
  failure_reason VARCHAR,
  title          VARCHAR,
  code_version   VARCHAR NOT NULL DEFAULT '', -- the code that read the file; a run redoes a report whose file or code changed
  source_url     VARCHAR,                    -- where the crawler fetched the file, from the raw folder's manifest.csv
  published      VARCHAR                     -- YYYY-MM-DD the agency published the file, from manifest.csv
);
-- Warehouses built before these columns: their reports count as read by other code, with no date.
ALTER TABLE reports ADD COLUMN IF NOT EXISTS code_version VARCHAR DEFAULT '';
ALTER TABLE reports ADD COLUMN IF NOT EXISTS source_url VARCHAR;
ALTER TABLE reports ADD COLUMN IF NOT EXISTS published VARCHAR;

-- Section 二: item x metric.
CREATE TABLE IF NOT EXISTS fact_active_disclosure (
  report_id    VARCHAR NOT NULL,
  agency_id    VARCHAR,
  year         INTEGER,
  item         VARCHAR NOT NULL,
  metric       VARCHAR NOT NULL,
  value        DOUBLE,
  unit         VARCHAR,                      -- money cells: 万元 / 元 as printed or from the header
  raw_text     VARCHAR NOT NULL,
  page         INTEGER,
  source_block INTEGER,
  source_row   INTEGER,
  source_col   INTEGER
);

-- Section 三: row x applicant column (natural_person … other_org, total).
CREATE TABLE IF NOT EXISTS fact_applications (
  report_id      VARCHAR NOT NULL,
  agency_id      VARCHAR,
  year           INTEGER,
  row_code       VARCHAR NOT NULL,
  applicant_code VARCHAR NOT NULL,
  value          DOUBLE,
  raw_text       VARCHAR NOT NULL,
  page           INTEGER,
  source_block   INTEGER,
  source_row     INTEGER,
  source_col     INTEGER
);

-- Section 四: proceeding (review, litigation_direct, litigation_after_review) x outcome.
CREATE TABLE IF NOT EXISTS fact_review_litigation (
  report_id    VARCHAR NOT NULL,
  agency_id    VARCHAR,
  year         INTEGER,
  proceeding   VARCHAR NOT NULL,
  outcome      VARCHAR NOT NULL,
  value        DOUBLE,
  raw_text     VARCHAR NOT NULL,
  page         INTEGER,
  source_block INTEGER,
  source_row   INTEGER,
  source_col   INTEGER
);

CREATE TABLE IF NOT EXISTS validation_issues (
  report_id   VARCHAR NOT NULL,
  rule        VARCHAR NOT NULL,
  severity    VARCHAR NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  table_code  VARCHAR CHECK (table_code IS NULL OR table_code IN ('active_disclosure', 'applications', 'review_litigation')),
  row_code    VARCHAR,
  column_code VARCHAR,
  printed     DOUBLE,
  expected    DOUBLE,
  message     VARCHAR NOT NULL
);
