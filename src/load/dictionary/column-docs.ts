/**
 * What every warehouse table, view and column means, written once: the
 * COMMENTs in the warehouse, docs/dictionary.md and .csv and the dictionary
 * of every export are generated from here, from the views' own header
 * comments (sql/views/*.sql) and, for template codes, from
 * src/transform/template/. A column means the same in every table and view
 * that carries it (COLUMNS) unless its object says otherwise (OBJECT_COLUMNS).
 */
import { APPLICANT_COLUMNS, APPLICATION_ROWS, ACTIVE_ITEMS, OUTCOMES, PROCEEDINGS } from '../../transform/template/template.ts';
import { CODE_DICTIONARY } from '../../transform/template/code-dictionary.ts';
import { RULES } from '../../transform/validate/rules.ts';
import { YUAN_PER_UNIT } from '../money.ts';

export interface ColumnDoc {
  /** English description. */
  en: string;
  /** Chinese label, where the report prints one. */
  zh?: string;
  unit?: string;
  /** The values the column takes, where they are few. */
  values?: string;
}

const STATUSES =
  'ok, warnings, errors (validation found an error), stale (the file fails now; the report keeps its last good facts), unsupported_template (a report on the template before 2019: agency and year, no numbers), needs_ocr (scanned, no text layer), failed (unreadable); later versions may add others';
const KINDS = 'township_government, county_government, city_government, province_government, government_office, department, development_zone, central_agency, unknown';
const LEVELS = 'national, province, city, county, township';
const metrics = [...new Set(CODE_DICTIONARY.filter((e) => e.dimension === 'metric').map((e) => e.code))].join(', ');
const RULE_IDS = Object.keys(RULES).join(', ');

/** Descriptions of the base tables (views describe themselves in their .sql file's opening comment). */
export const TABLE_DOCS: Readonly<Record<string, string>> = {
  template_codes: 'The data dictionary of the template codes: every code the fact tables use, with the label the template prints, its English name, its position and group; from src/transform/template/, rewritten on every open.',
  regions: 'The NBS 2023 division gazetteer (统计用区划代码), every province, city, county and township, from src/transform/region/divisions.tsv; rewritten when it changes.',
  warehouse_meta: 'Facts about the warehouse as a whole, as key and value: schema_version (of the tables), gazetteer (the source of regions), catalog (the version of the views and comments).',
  agencies: 'One row per agency: its name, kind and place (NBS division codes and names as the region resolver placed it).',
  reports: 'One row per source document: agency, year, template version, source file, status, and whether it is the primary report of its agency and year.',
  fact_active_disclosure: 'Section 二 (主动公开政府信息情况), one row per printed cell: item x metric; counts in value, money in amount_printed with unit and in amount_yuan.',
  fact_applications: 'Section 三 (收到和处理政府信息公开申请情况), one row per printed cell: row x applicant column.',
  fact_review_litigation: 'Section 四 (政府信息公开行政复议、行政诉讼情况), one row per printed cell: proceeding x outcome.',
  validation_issues: 'What does not add up or could not be read, per report: rule, severity, the cell it names, the printed and the expected value.',
  sources: 'The files of the raw folder as the last run saw them: path, bytes, when first and last seen, what reading it gives now.',
  runs: 'One row per run that published the warehouse: when, the code version, the raw folder it read, what it added, changed and removed, and what failed.',
};

/** Columns that mean the same wherever they appear. */
export const COLUMNS: Readonly<Record<string, ColumnDoc>> = {
  report_id: { en: 'report id: first 16 hex digits of sha256 of source_path (src/load/ids.ts)' },
  agency_id: { en: "agency id: from the agency's division codes and normalised name (src/load/ids.ts); NULL without an agency name" },
  agency_name: { en: 'agency name as the report prints it (NFKC, white space removed)', zh: '机关名称' },
  name: { en: 'name' },
  agency_kind: { en: 'kind of agency, from its name', values: KINDS },
  kind: { en: 'kind of agency, from its name', values: KINDS },
  agency_level: { en: 'administrative level the agency sits at', values: LEVELS },
  level: { en: 'administrative level', values: LEVELS },
  province_code: { en: 'province: NBS code (2 digits)', zh: '省级区划代码' },
  province_name: { en: 'province name', zh: '省' },
  city_code: { en: 'prefecture-level city: NBS code (4 digits)', zh: '地级区划代码' },
  city_name: { en: 'prefecture-level city name', zh: '市' },
  county_code: { en: 'county-level division: NBS code (6 digits)', zh: '县级区划代码' },
  county_name: { en: 'county-level division name', zh: '县（区）' },
  township_code: { en: 'township-level division: NBS code (9 digits)', zh: '乡级区划代码' },
  township_name: { en: 'township-level division name', zh: '乡（镇、街道）' },
  parent_agency: { en: 'for a department or government office: the government it belongs to, by name' },
  year: { en: 'the year the report covers', zh: '年度' },
  template: { en: 'template version the report follows (mixed: labels of both)', values: '2019, 2021, mixed' },
  status: { en: "the report's status", values: STATUSES },
  has_errors: { en: 'TRUE when validation found an error in the report (status errors, or a stale report whose kept issues hold an error): its numbers are summed apart, in the _err columns of the rollups' },
  errors: { en: 'validation issues of severity error in the report' },
  warnings: { en: 'validation issues of severity warning in the report' },
  is_primary: { en: 'the copy the views count for its agency and year; FALSE for the other copies (which keep their own facts) and for failures' },
  duplicate_of: { en: 'report_id of the primary report this one duplicates' },
  failure_reason: { en: 'why the file could not be read (status failed, needs_ocr, or stale: why it fails now)' },
  title: { en: 'title of the report as printed' },
  source_path: { en: 'the file, relative to the raw folder, forward slashes' },
  format: { en: 'file format the file was read as', values: 'text, markdown, html, docx, pdf, doc, wps, xlsx, image' },
  sha256: { en: "sha256 of the file's bytes (hex)" },
  bytes: { en: 'file size', unit: 'bytes' },
  code_version: { en: 'package version and reader versions of the code that ran' },
  reader_version: { en: 'version of the reader that made the facts (pipeline/reader-version.ts)' },
  content_key: { en: "hash of everything the report's rows hold; a run rewrites the reports whose key changed" },
  source_url: { en: 'where the crawler fetched the file (manifest.csv)' },
  published: { en: 'date the agency published the file, YYYY-MM-DD (manifest.csv)' },
  item: { en: 'section 二 item code (template)', values: ACTIVE_ITEMS.join(', ') },
  metric: { en: 'section 二 metric code (template)', values: metrics },
  row_code: { en: 'section 三 row code (template)', values: APPLICATION_ROWS.join(', ') },
  applicant_code: { en: 'section 三 applicant column code (template)', values: APPLICANT_COLUMNS.join(', ') },
  proceeding: { en: 'section 四 proceeding code (template)', values: PROCEEDINGS.join(', ') },
  outcome: { en: 'section 四 outcome code (template)', values: OUTCOMES.join(', ') },
  value: { en: 'the number printed in the cell, a count; NULL for a blank cell ("", "/", "—") and for a fraction in a count cell (see issue extract.count_not_integer)' },
  amount_printed: { en: 'money amount as printed, in unit; NULL for a blank cell', zh: '金额' },
  unit: { en: 'unit of a money amount as printed in the cell or its header; NULL when none is printed', values: Object.keys(YUAN_PER_UNIT).join(', ') },
  amount_yuan: { en: 'money amount in yuan: amount_printed x the unit (exact); 0 is 0 in any unit; NULL when no unit is printed', unit: '元' },
  raw_text: { en: 'the text printed in the cell' },
  page: { en: 'page of the PDF the cell is on, 1-based (the first page is 1); NULL for other formats', zh: '页码' },
  source_block: { en: 'the table in the document model: index (0-based) of the block among headings, paragraphs and tables' },
  source_row: { en: "the cell's row in that table's grid, 0-based" },
  source_col: { en: "the cell's column in that table's grid, 0-based" },
  rule: { en: 'validation rule id (src/transform/validate/rules.ts)', values: RULE_IDS },
  severity: { en: 'how bad the issue is', values: 'error, warning, info' },
  table_code: { en: 'the report table', values: 'active_disclosure (二), applications (三), review_litigation (四)' },
  column_code: { en: "column code of the cell: metric (二), applicant_code (三) or outcome (四)" },
  printed: { en: 'the number the report prints where the rule looked' },
  expected: { en: 'the number the rule expected there' },
  message: { en: 'what is wrong, in one line' },
  row_label: { en: "the template's Chinese label of the row", zh: '行' },
  row_group_label: { en: 'the label the row is printed under (三、本年度办理结果, （三）不予公开 …)' },
  row_name_en: { en: 'English name of the row' },
  row_position: { en: 'order of the row in the printed table, from 1' },
  column_label: { en: "the template's Chinese label of the column", zh: '列' },
  column_name_en: { en: 'English name of the column' },
  reports: { en: 'primary reports counted' },
  reports_with_errors: { en: 'of those, reports whose validation found an error (their numbers are in the _err columns, not the plain ones)' },
  new_received: { en: '一、本年新收 (总计 column) over reports without errors', zh: '本年新收政府信息公开申请数量' },
  new_received_by_applicant: { en: '一、本年新收: the six applicant columns added up (differs from the printed 总计 where the report does not add up)' },
  carried_over: { en: '二、上年结转 (总计 column) over reports without errors', zh: '上年结转政府信息公开申请数量' },
  granted: { en: '（一）予以公开 (总计) over reports without errors', zh: '予以公开' },
  partially_granted: { en: '（二）部分公开 (总计) over reports without errors', zh: '部分公开' },
  denied: { en: '（三）不予公开, its eight reasons added up (总计) over reports without errors', zh: '不予公开' },
  unable: { en: '（四）无法提供, its three reasons added up (总计) over reports without errors', zh: '无法提供' },
  rejected: { en: '（五）不予处理, its five reasons added up (总计) over reports without errors', zh: '不予处理' },
  other_handling: { en: '（六）其他处理 (the 2019 row or the three 2021 rows) (总计) over reports without errors', zh: '其他处理' },
  total_handled: { en: '（七）总计 (总计 column) over reports without errors', zh: '总计' },
  total_handled_by_applicant: { en: '（七）总计: the six applicant columns added up' },
  carried_forward: { en: '四、结转下年度继续办理 (总计) over reports without errors', zh: '结转下年度继续办理' },
  category: { en: 'what the row counts', values: 'issue, report_status' },
  n: { en: 'issues (category issue) or reports (category report_status)' },
  position: { en: 'order in the printed table, from 1' },
};

/** The _err twin of a rollup column: the same sum over reports with errors. */
function errTwin(base: string): ColumnDoc | undefined {
  const doc = COLUMNS[base];
  return doc && { ...doc, en: doc.en.replace(' over reports without errors', '') + ' over reports WITH errors, apart from the clean ones' };
}

/** Columns whose meaning is particular to one table or view. */
export const OBJECT_COLUMNS: Readonly<Record<string, Readonly<Record<string, ColumnDoc>>>> = {
  template_codes: {
    dimension: { en: 'which fact column the code goes in', values: 'item, metric, row_code, applicant_code, proceeding, outcome' },
    code: { en: 'the template code' },
    label: { en: 'the label the template prints (2019 wording)', zh: '标签' },
    name_en: { en: 'English name of the code' },
    label_2021: { en: "the 2021 template's wording where it differs" },
    group_label: { en: 'what the row or column is printed under' },
    only_in: { en: 'the template version that alone prints this code', values: '2019, 2021, NULL for both' },
  },
  regions: {
    code: { en: 'NBS 统计用区划代码 prefix: 2 digits province, 4 city, 6 county, 9 township' },
    parent_code: { en: 'the division one level up; NULL for a province' },
    is_grouping: { en: 'TRUE for NBS grouping rows that are not places (市辖区, 省直辖县级行政区划): left out of coverage' },
  },
  warehouse_meta: { key: { en: 'what the value is', values: 'schema_version, gazetteer, catalog' }, value: { en: 'the value' } },
  sources: {
    path: { en: 'the file, relative to the raw folder, forward slashes' },
    sha256: { en: "sha256 of the file's bytes (hex); '' when the file could not be read" },
    first_seen: { en: 'ISO 8601 UTC: the start of the first run that listed the path' },
    last_seen: { en: 'ISO 8601 UTC: the start of the last run that listed the path' },
    status: { en: 'what reading the file gives now', values: 'ok, warnings, errors, unsupported_template, failed, needs_ocr' },
    reason: { en: 'why it failed' },
  },
  runs: {
    run_id: { en: 'the run: 1, 2, … in order' },
    started: { en: 'ISO 8601 UTC: when the run started' },
    ended: { en: 'ISO 8601 UTC: when its write finished, just before publication' },
    raw_root: { en: 'the raw folder the run read (absolute path on the machine that ran it)' },
    seen: { en: 'files listed in the raw folder' },
    new: { en: 'reports added' },
    changed: { en: 'reports rewritten' },
    unchanged: { en: 'reports left as they were' },
    removed: { en: 'reports removed (their file left the folder)' },
    stale: { en: 'reports keeping their last good facts' },
    failed: { en: 'files that failed when read in this run' },
    still_failing: { en: 'files failing as staged before, not read again' },
    needs_ocr: { en: 'files failing now because they need OCR' },
    exit_code: { en: 'exit code of the run', values: '0 no file failed, 1 some files failed (the rest published)' },
  },
  agencies: { name: { en: 'agency name as printed (NFKC, white space removed)', zh: '机关名称' } },
  v_report_totals: {
    new_received: { en: '一、本年新收, the printed 总计 cell', zh: '本年新收政府信息公开申请数量' },
    carried_over: { en: '二、上年结转, the printed 总计 cell' },
    granted: { en: '（一）予以公开, 总计' },
    partially_granted: { en: '（二）部分公开, 总计' },
    denied: { en: '（三）不予公开, the eight reasons added up, 总计' },
    unable: { en: '（四）无法提供, the three reasons added up, 总计' },
    rejected: { en: '（五）不予处理, the five reasons added up, 总计' },
    other_handling: { en: '（六）其他处理 (2019 row or the three 2021 rows), 总计' },
    total_handled: { en: '（七）总计, the printed 总计 cell' },
    carried_forward: { en: '四、结转下年度继续办理, 总计' },
  },
  v_region_year: {
    region_level: { en: 'level of the region the row is about', values: 'province, city, county' },
    region_code: { en: 'NBS code of the region' },
    region_name: { en: 'name of the region (gazetteer)' },
    agencies_reporting: { en: 'distinct agencies placed in the region with a primary report that year (governments, departments, zones …)' },
    governments_known: { en: "people's governments the gazetteer implies in the region: its own plus one per city, county and township division below it (grouping rows left out)" },
    governments_reporting: { en: 'of those, how many have a primary report that year (coverage = governments_reporting / governments_known)' },
    own_government_reported: { en: "TRUE when the region's own government has a primary report that year" },
    city_governments_known: { en: 'city divisions in the province (provinces only)' },
    city_governments_reporting: { en: 'city governments of the province with a primary report (provinces only)' },
    county_governments_known: { en: 'county divisions in the region (provinces and cities)' },
    county_governments_reporting: { en: 'county governments with a primary report (provinces and cities)' },
    township_governments_known: { en: 'township divisions in the region' },
    township_governments_reporting: { en: 'township governments with a primary report' },
  },
  v_outcome_shares: {
    outcome_code: { en: 'section 三 outcome row code', values: APPLICATION_ROWS.filter((r) => !['new_received', 'carried_over', 'total_handled', 'carried_forward'].includes(r)).join(', ') },
    outcome_label: { en: "the template's label of the outcome row" },
    outcome_group_label: { en: 'the group the row is printed under' },
    outcome_name_en: { en: 'English name of the outcome row' },
    outcome_position: { en: 'order of the row in the printed table' },
    reports: { en: 'reports without errors that print both the row and （七）总计 in the 总计 column' },
    reports_with_errors: { en: 'primary reports of the same level, kind and year left out for their errors' },
    requests: { en: 'requests with this outcome (总计 column) over those reports' },
    handled: { en: 'the denominator: （七）总计 over the same reports' },
    share: { en: 'requests / handled (0 to 1); NULL when handled is 0' },
  },
  v_kind_year: {
    new_received_per_report: { en: 'new_received / reports without errors' },
  },
  v_review_litigation_totals: {
    proceeding_label: { en: "the template's label of the proceeding" },
    reports: { en: 'primary reports that print section 四' },
    upheld: { en: '结果维持 over reports without errors', zh: '结果维持' },
    corrected: { en: '结果纠正 over reports without errors', zh: '结果纠正' },
    other: { en: '其他结果 over reports without errors', zh: '其他结果' },
    pending: { en: '尚未审结 over reports without errors', zh: '尚未审结' },
    total: { en: '总计 over reports without errors', zh: '总计' },
    total_err: { en: '总计 over reports WITH errors, apart' },
  },
  v_applications_wide: {
    natural_person: { en: '自然人 column', zh: '自然人' },
    commercial_enterprise: { en: '商业企业 column', zh: '商业企业' },
    research_institution: { en: '科研机构 column', zh: '科研机构' },
    social_welfare_org: { en: '社会公益组织 column', zh: '社会公益组织' },
    legal_service_org: { en: '法律服务机构 column', zh: '法律服务机构' },
    other_org: { en: '其他 (organisations) column', zh: '其他' },
    total: { en: '总计 column as printed', zh: '总计' },
  },
  v_applications: {
    applicant_label: { en: "the template's label of the applicant column", zh: '申请人' },
    applicant_group_label: { en: 'the group the column is printed under (法人或其他组织)' },
    applicant_name_en: { en: 'English name of the applicant column' },
  },
  v_active_disclosure: {
    item_label: { en: "the template's label of the item (2019 wording)", zh: '信息内容' },
    item_label_2021: { en: "the 2021 template's wording of the item where it differs" },
    item_name_en: { en: 'English name of the item' },
    metric_label: { en: "the template's label of the metric" },
    metric_name_en: { en: 'English name of the metric' },
  },
  v_review_litigation: {
    proceeding_label: { en: "the template's label of the proceeding", zh: '行政复议/行政诉讼' },
    proceeding_name_en: { en: 'English name of the proceeding' },
    outcome_label: { en: "the template's label of the outcome" },
    outcome_name_en: { en: 'English name of the outcome' },
  },
  v_cells: {
    value: { en: 'the number: a count, or for a section 二 amount the money in yuan (amount_yuan)' },
    is_money: { en: 'TRUE for a section 二 money amount (value is in yuan)' },
    row_code: { en: "row code of the cell: item (二), row_code (三) or proceeding (四)" },
  },
  v_cell_labels: {
    row_code: { en: "row code: item (二), row_code (三) or proceeding (四)" },
  },
  v_agency_yoy: {
    prev_year: { en: "year of the agency's latest earlier primary report" },
    years_apart: { en: 'year - prev_year (1 for consecutive years)' },
    row_code: { en: "row code of the cell: item (二), row_code (三) or proceeding (四)" },
    value: { en: 'the number this year (money in yuan); NULL when blank or not printed' },
    prev_value: { en: 'the number in the previous report (money in yuan); NULL when blank or not printed' },
    change: { en: 'value - prev_value; NULL when either is NULL' },
    prev_status: { en: "the previous report's status", values: STATUSES },
    prev_report_id: { en: 'report_id of the previous report' },
  },
  v_issues: {
    row_code: { en: 'row code of the cell the issue names: item (二), row_code (三) or proceeding (四)' },
    page: { en: 'page of the PDF the named row is on (the first of its cells), 1-based; NULL for other formats or when the issue names no cell' },
  },
  v_evidence: {
    row_code: { en: "row code of the cell: item (二), row_code (三) or proceeding (四)" },
    value: { en: 'the number: a count, or for a section 二 amount the money in yuan' },
    raw_root: { en: 'the raw folder the latest run read (runs.raw_root; absolute path on the machine that ran it)' },
    file_path: { en: 'raw_root/source_path: the file to open' },
  },
  v_quality: { name: { en: 'the rule (category issue) or the status (category report_status)' }, reports: { en: 'reports concerned' } },
};

/** The documentation of one column of one table or view; undefined when nothing says what it is. */
export function columnDoc(object: string, column: string): ColumnDoc | undefined {
  const own = OBJECT_COLUMNS[object]?.[column];
  if (own) return own;
  if (column.endsWith('_err')) return OBJECT_COLUMNS[object]?.[column] ?? errTwin(column.slice(0, -4));
  return COLUMNS[column];
}
