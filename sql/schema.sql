-- nianbao warehouse schema (DuckDB). Idempotent: applied on every read-write open.
--
-- What every table and column means is written once, in
-- src/load/dictionary/column-docs.ts: the warehouse's COMMENTs, docs/dictionary.md
-- and the dictionary of every export are generated from it (and from
-- src/transform/template/ for the template codes).
--
-- Identity (computed in src/load/ids.ts, first 16 hex chars of a sha256):
--   report_id = sha256(source_path), source_path relative to the raw folder
--               with forward slashes. The same path re-published with new
--               bytes keeps its report_id and replaces the old rows; the
--               bytes' own hash is kept in reports.sha256 to detect changes.
--   agency_id = one per agency across years and spellings
--               (src/load/agency-identity.ts): a government by its division
--               code and kind, a department by its government's code and its
--               name without the place names in front, an override's own
--               name (data/overrides/agencies.csv, column agency), else the
--               name, or name and source path when the name fits several
--               places (城关镇). A record without an agency name has NULL.
--
-- Codes stored in the fact tables are the canonical codes of
-- src/transform/template/template.json. A blank cell ("", "/", "—") is a
-- row with value NULL, never 0. Facts carry their provenance: the printed
-- text and where it was found (page for PDF, block/row/col in the document
-- model, 0-based).
--
-- regions is the whole NBS gazetteer (src/load/warehouse-regions.ts), written
-- when it changes, never by a run's plan. agencies hold only what loaded
-- reports refer to, each row as the run's plan gives it
-- (pipeline/plan-warehouse.ts), never merged with older values.
--
-- A warehouse whose warehouse_meta.schema_version differs from the code's is
-- emptied and rebuilt whole by the next run (from the stage, or by reading
-- the raw folder again).

-- The data dictionary: every template code the fact tables use, with the
-- label the template prints for it (src/transform/template/template.json).
-- Rewritten on every open, so it always matches the code that loads facts.
CREATE TABLE IF NOT EXISTS template_codes (
  table_code  VARCHAR NOT NULL,              -- active_disclosure, applications, review_litigation
  dimension   VARCHAR NOT NULL,              -- the fact column the code goes in: item, metric, row_code, applicant_code, proceeding, outcome
  code        VARCHAR NOT NULL,
  position    INTEGER NOT NULL,              -- order in the printed table, from 1
  label       VARCHAR NOT NULL,
  name_en     VARCHAR,                       -- English name (src/transform/template/english-names.json)
  label_2021  VARCHAR,                       -- the 2021 template's wording where it differs
  group_label VARCHAR,                       -- what the row or column is printed under
  only_in     VARCHAR,                       -- '2019' or '2021' for a code only one template version prints
  PRIMARY KEY (table_code, dimension, code)
);

CREATE TABLE IF NOT EXISTS regions (
  code        VARCHAR PRIMARY KEY,           -- NBS 统计用区划代码 prefix: 2 province, 4 city, 6 county, 9 township digits
  name        VARCHAR NOT NULL,
  level       VARCHAR NOT NULL CHECK (level IN ('province', 'city', 'county', 'township')),
  parent_code VARCHAR,                       -- the division one level up; NULL for a province
  is_grouping BOOLEAN DEFAULT FALSE          -- a statistical grouping row of the gazetteer (市辖区 …), not a government
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
  sha256         VARCHAR NOT NULL,           -- the bytes the facts were read from (for a stale report: its last good bytes)
  bytes          BIGINT NOT NULL,
  status         VARCHAR NOT NULL CHECK (status IN ('ok', 'warnings', 'errors', 'unsupported_template', 'needs_ocr', 'failed', 'stale')),
                                             -- stale: the file fails now (failure_reason) and the report keeps its last good facts
  is_primary     BOOLEAN NOT NULL,           -- the copy the views count for its agency and year; FALSE for the other copies and for failures
  duplicate_of   VARCHAR,                    -- report_id of the primary report this one duplicates
  failure_reason VARCHAR,
  title          VARCHAR,
  reader_version VARCHAR NOT NULL,           -- the reader that made the facts (pipeline/reader-version.ts)
  source_url     VARCHAR,                    -- where the crawler fetched the file, from the raw folder's manifest.csv
  published      VARCHAR,                    -- YYYY-MM-DD the agency published the file, from manifest.csv
  content_key    VARCHAR NOT NULL            -- hash of everything the report's rows hold; a run rewrites the reports whose key changed
);

-- Section 二: item x metric.
CREATE TABLE IF NOT EXISTS fact_active_disclosure (
  report_id    VARCHAR NOT NULL,
  agency_id    VARCHAR,
  year         INTEGER,
  item         VARCHAR NOT NULL,
  metric       VARCHAR NOT NULL,
  value          BIGINT,                     -- counts; NULL for money and for a fraction printed in a count cell
  amount_printed DECIMAL(18, 6),             -- money cells: the amount as printed, in unit
  unit           VARCHAR,                    -- money cells: 元 / 千元 / 万元 / 亿元 as printed or from the header
  amount_yuan    DECIMAL(24, 6),             -- money cells: the amount in yuan; NULL when the unit is unknown
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
  value          BIGINT,
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

-- The files of the raw folder as the last run saw them.
CREATE TABLE IF NOT EXISTS sources (
  path           VARCHAR PRIMARY KEY,        -- relative to the raw folder, forward slashes
  sha256         VARCHAR NOT NULL,           -- '' when the file could not be read
  bytes          BIGINT NOT NULL,
  first_seen     VARCHAR NOT NULL,           -- ISO 8601 UTC: the start of the first run that listed the path
  last_seen      VARCHAR NOT NULL,
  status         VARCHAR NOT NULL,           -- what reading it gives now: ok, warnings, errors, unsupported_template, failed, needs_ocr
  reason         VARCHAR,                    -- why it failed
  reader_version VARCHAR NOT NULL
);

-- One row per run that published the warehouse.
CREATE TABLE IF NOT EXISTS runs (
  run_id        INTEGER PRIMARY KEY,         -- 1, 2, … in order
  started       VARCHAR NOT NULL,            -- ISO 8601 UTC
  ended         VARCHAR NOT NULL,            -- when the write finished, just before publication
  code_version  VARCHAR NOT NULL,            -- package version and reader versions
  raw_root      VARCHAR,                     -- the raw folder the run read (absolute path on the machine that ran it)
  seen          INTEGER NOT NULL,            -- files listed
  new           INTEGER NOT NULL,            -- reports added
  changed       INTEGER NOT NULL,            -- reports rewritten
  unchanged     INTEGER NOT NULL,
  removed       INTEGER NOT NULL,
  stale         INTEGER NOT NULL,            -- reports keeping last good facts
  failed        INTEGER NOT NULL,            -- files that failed when read in this run
  still_failing INTEGER NOT NULL,            -- files failing as staged before, not read again
  needs_ocr     INTEGER NOT NULL,            -- files failing now because they need OCR
  exit_code     INTEGER NOT NULL
);

-- Small facts about the warehouse as a whole (key/value): schema_version, the
-- gazetteer's version, the catalog of views and comments.
CREATE TABLE IF NOT EXISTS warehouse_meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
