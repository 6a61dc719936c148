-- nianbao warehouse schema (DuckDB). Idempotent: applied on every read-write open.
--
-- What every table and column means is written once, in
-- src/load/dictionary/column-docs.ts: the warehouse's COMMENTs, docs/dictionary.md
-- and the dictionary of every export are generated from it (and from
-- src/transform/template/ for the template codes). Identity (src/load/ids.ts):
-- report_id from the source path, agency_id from the agency's place and name.
-- A blank cell ("", "/", "—") is a fact row with value NULL, never 0.

CREATE TABLE IF NOT EXISTS template_codes (
  table_code  VARCHAR NOT NULL,
  dimension   VARCHAR NOT NULL,
  code        VARCHAR NOT NULL,
  position    INTEGER NOT NULL,
  label       VARCHAR NOT NULL,
  name_en     VARCHAR,
  label_2021  VARCHAR,
  group_label VARCHAR,
  only_in     VARCHAR,
  PRIMARY KEY (table_code, dimension, code)
);
ALTER TABLE template_codes ADD COLUMN IF NOT EXISTS name_en VARCHAR;

-- The whole NBS gazetteer (src/transform/region/divisions.json), rewritten when it changes.
CREATE TABLE IF NOT EXISTS regions (
  code        VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  level       VARCHAR NOT NULL CHECK (level IN ('province', 'city', 'county', 'township')),
  parent_code VARCHAR
);
ALTER TABLE regions ADD COLUMN IF NOT EXISTS is_grouping BOOLEAN DEFAULT FALSE;

-- Small facts about the warehouse as a whole (key/value): the raw folder of the last load, the gazetteer's source.
CREATE TABLE IF NOT EXISTS warehouse_meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR
);

CREATE TABLE IF NOT EXISTS agencies (
  agency_id     VARCHAR PRIMARY KEY,
  name          VARCHAR NOT NULL,
  kind          VARCHAR,
  level         VARCHAR CHECK (level IS NULL OR level IN ('national', 'province', 'city', 'county', 'township')),
  province_code VARCHAR,
  province_name VARCHAR,
  city_code     VARCHAR,
  city_name     VARCHAR,
  county_code   VARCHAR,
  county_name   VARCHAR,
  township_code VARCHAR,
  township_name VARCHAR,
  parent_agency VARCHAR
);

CREATE TABLE IF NOT EXISTS reports (
  report_id      VARCHAR PRIMARY KEY,
  agency_id      VARCHAR,
  year           INTEGER,
  template       VARCHAR CHECK (template IS NULL OR template IN ('2019', '2021', 'mixed')),
  source_path    VARCHAR NOT NULL UNIQUE,
  format         VARCHAR NOT NULL,
  sha256         VARCHAR NOT NULL,
  bytes          BIGINT NOT NULL,
  status         VARCHAR NOT NULL CHECK (status IN ('ok', 'warnings', 'errors', 'needs_ocr', 'failed')),
  is_primary     BOOLEAN NOT NULL,
  duplicate_of   VARCHAR,
  failure_reason VARCHAR,
  title          VARCHAR,
  code_version   VARCHAR NOT NULL DEFAULT '',
  source_url     VARCHAR,
  published      VARCHAR
);
-- Warehouses built before these columns: their reports count as read by other code, with no date.
ALTER TABLE reports ADD COLUMN IF NOT EXISTS code_version VARCHAR DEFAULT '';
ALTER TABLE reports ADD COLUMN IF NOT EXISTS source_url VARCHAR;
ALTER TABLE reports ADD COLUMN IF NOT EXISTS published VARCHAR;

-- Section 二: item x metric. Counts in value; money in amount_printed (with unit) and amount_yuan.
CREATE TABLE IF NOT EXISTS fact_active_disclosure (
  report_id      VARCHAR NOT NULL,
  agency_id      VARCHAR,
  year           INTEGER,
  item           VARCHAR NOT NULL,
  metric         VARCHAR NOT NULL,
  value          BIGINT,
  amount_printed DECIMAL(18, 6),
  unit           VARCHAR,
  amount_yuan    DECIMAL(24, 6),
  raw_text       VARCHAR NOT NULL,
  page           INTEGER,
  source_block   INTEGER,
  source_row     INTEGER,
  source_col     INTEGER
);

-- Section 三: row x applicant column.
CREATE TABLE IF NOT EXISTS fact_applications (
  report_id      VARCHAR NOT NULL,
  agency_id      VARCHAR,
  year           INTEGER,
  row_code       VARCHAR NOT NULL,
  applicant_code VARCHAR NOT NULL,
  value          BIGINT,
  raw_text       VARCHAR NOT NULL,
  page           INTEGER,
  source_block   INTEGER,
  source_row     INTEGER,
  source_col     INTEGER
);

-- Section 四: proceeding x outcome.
CREATE TABLE IF NOT EXISTS fact_review_litigation (
  report_id    VARCHAR NOT NULL,
  agency_id    VARCHAR,
  year         INTEGER,
  proceeding   VARCHAR NOT NULL,
  outcome      VARCHAR NOT NULL,
  value        BIGINT,
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
