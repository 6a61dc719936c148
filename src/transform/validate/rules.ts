/**
 * The catalogue of every validation and extraction rule: a stable id, the
 * severity its issues carry and one line saying what it checks. The data
 * dictionary and v_quality list rules from here; the rule modules import
 * their ids from here so an id is spelled once.
 */
import type { Severity } from '../record.ts';

export interface RuleInfo {
  severity: Severity;
  description: string;
}

/** Rule ids as constants, for the code that emits them. */
export const RULE = {
  applicationsIdentity: 'applications.identity',
  applicationsIdentityNotCheckable: 'applications.identity.not_checkable',
  applicationsRowTotal: 'applications.row_total',
  applicationsRowTotalNotCheckable: 'applications.row_total.not_checkable',
  applicationsOutcomesTotal: 'applications.outcomes_total',
  applicationsOutcomesTotalNotCheckable: 'applications.outcomes_total.not_checkable',
  reviewLitigationTotal: 'review_litigation.total',
  reviewLitigationTotalNotCheckable: 'review_litigation.total.not_checkable',
  crossYearCarriedOver: 'cross_year.carried_over',
  crossYearCarriedOverNotCheckable: 'cross_year.carried_over.not_checkable',
  duplicateDisagreement: 'duplicate.disagreement',
  duplicateDisagreementBlank: 'duplicate.disagreement.blank',
  extractRowMissing: 'extract.row_missing',
  extractColumnMissing: 'extract.column_missing',
  extractValueCount: 'extract.value_count',
  extractUnreadableNumber: 'extract.unreadable_number',
  extractCountNotInteger: 'extract.count_not_integer',
  extractLowConfidence: 'extract.low_confidence',
  extractOcrValue: 'extract.ocr_value',
  extractDuplicateRow: 'extract.duplicate_row',
  extractUnmatchedRow: 'extract.unmatched_row',
  extractValueInferred: 'extract.value_inferred',
  extractLostCell: 'extract.lost_cell',
  extractUnmatchedColumn: 'extract.unmatched_column',
  extractColumnsUnreadable: 'extract.columns_unreadable',
  extractRowPlacedByOrder: 'extract.row_placed_by_order',
  extractTableMissing: 'extract.table_missing',
  extractAgencyMissing: 'extract.agency_missing',
  extractCharsetMismatch: 'extract.charset_mismatch',
  extractDigitRunSplit: 'extract.digit_run_split',
  extractDigitRunUnsplit: 'extract.digit_run_unsplit',
  extractUnsupportedTemplate: 'extract.unsupported_template',
  extractYearMissing: 'extract.year_missing',
  extractYearFromBody: 'extract.year_from_body',
  extractYearDisagrees: 'extract.year_disagrees',
  regionFuzzyMatch: 'region.fuzzy_match',
  regionAmbiguous: 'region.ambiguous',
  regionUnknown: 'region.unknown',
} as const;

export type RuleId = (typeof RULE)[keyof typeof RULE];

export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  'applications.identity': {
    severity: 'error',
    description: '三, per applicant column: 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理 (the template\'s 勾稽关系)',
  },
  'applications.identity.not_checkable': {
    severity: 'info',
    description: '三: the per-column identity 一+二 = （七）+四 needs a cell that is blank or a row that is not printed',
  },
  'applications.row_total': {
    severity: 'error',
    description: '三, per row: the six applicant columns (自然人 … 其他) sum to 总计',
  },
  'applications.row_total.not_checkable': {
    severity: 'info',
    description: '三: a row\'s applicant columns cannot be added up against 总计 because a cell is blank',
  },
  'applications.outcomes_total': {
    severity: 'error',
    description: '三, per applicant column: the outcome rows （一）…（六） (the 2019 single （六） row or the 2021 three sub-rows, whichever is printed) sum to （七）总计',
  },
  'applications.outcomes_total.not_checkable': {
    severity: 'info',
    description: '三: the outcome rows cannot be added up against （七）总计 because a cell is blank or a row is not printed',
  },
  'review_litigation.total': {
    severity: 'error',
    description: '四, for 行政复议, 未经复议直接起诉 and 复议后起诉: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
  },
  'review_litigation.total.not_checkable': {
    severity: 'info',
    description: '四: a proceeding\'s four outcomes cannot be added up against its 总计 because a cell is blank',
  },
  'cross_year.carried_over': {
    severity: 'warning',
    description: '三: this year\'s 二、上年结转 equals last year\'s 四、结转下年度继续办理 for the same agency, per applicant column',
  },
  'cross_year.carried_over.not_checkable': {
    severity: 'info',
    description: '三: 二、上年结转 cannot be compared with last year\'s 四、结转下年度继续办理 because a cell is blank or a row is not printed',
  },
  'duplicate.disagreement': {
    severity: 'warning',
    description: 'two reports of the same agency and year print different numbers in the same cell (issue on the non-primary report)',
  },
  'duplicate.disagreement.blank': {
    severity: 'info',
    description: 'two reports of the same agency and year: one prints a number where the other leaves the cell blank or does not print the row (issue on the non-primary report)',
  },
  'extract.row_missing': { severity: 'warning', description: 'a template row was not found in its table' },
  'extract.column_missing': { severity: 'warning', description: 'a template column was not found in its table' },
  'extract.value_count': {
    severity: 'error',
    description: 'a row of a text layout prints more or fewer values than its table has columns (and is not one short of them), so which value is in which column is not known; its cells are loaded blank, the printed values are in the message',
  },
  'extract.unreadable_number': { severity: 'warning', description: 'text in a numeric cell could not be read as a number' },
  'extract.count_not_integer': { severity: 'error', description: 'a count cell reads as a fraction; counts are whole numbers, so the cell loads as NULL' },
  'extract.low_confidence': { severity: 'warning', description: 'a cell read by OCR whose text the engine was not sure of (confidence below the threshold)' },
  'extract.ocr_value': { severity: 'warning', description: 'a cell read by OCR with a confidence at or above the threshold: still not read from a text layer, to be checked against the page' },
  'extract.duplicate_row': { severity: 'warning', description: 'the same template row was found twice; the first is kept' },
  'extract.unmatched_row': { severity: 'warning', description: 'a row of numbers whose label (or group heading) names no template row; not loaded, its printed cells are in the issue' },
  'extract.value_inferred': {
    severity: 'warning',
    description: '三: a row of a text layout printed one value short, and every place the row\'s arithmetic (six applicant columns = 总计) allows for the lost value gives the same row; the lost cell is filled in from it (raw text empty)',
  },
  'extract.unmatched_column': {
    severity: 'warning',
    description: 'a value printed under a header column whose label names no template column (法人或其他组织 over one column, a column the template lacks); kept in its place and not loaded, its text is in the message',
  },
  'extract.columns_unreadable': {
    severity: 'error',
    description: 'a row of a grid table whose columns no header above it names, so which value is in which column is not known; it loads nothing, its printed cells are in the message',
  },
  'extract.lost_cell': {
    severity: 'error',
    description: '三: a row of a text layout printed one value short, and the row\'s arithmetic allows the lost value in more than one column (or in none); its cells are loaded blank, the printed values are in the message',
  },
  'extract.row_placed_by_order': { severity: 'warning', description: 'a row of numbers printed without its label was read as the template row missing at its place' },
  'extract.table_missing': { severity: 'warning', description: 'one of the report\'s three tables was not found' },
  'extract.agency_missing': { severity: 'warning', description: 'the reporting agency was found in neither the title nor the body' },
  'extract.year_missing': { severity: 'warning', description: 'the report year was not found' },
  'extract.charset_mismatch': { severity: 'warning', description: 'the page declares UTF-8 but its bytes are not: read as GB18030 (GBK under a UTF-8 meta), or as UTF-8 with its few stray bytes replaced' },
  'extract.digit_run_split': {
    severity: 'warning',
    description: 'cells printed with nothing between them (a run of digits such as 713000074): this cell is the one split of the run that the table\'s arithmetic admits',
  },
  'extract.digit_run_unsplit': {
    severity: 'error',
    description: 'cells printed with nothing between them: the table\'s arithmetic admits no split or several, so the run\'s cells stay blank (the printed digits are in the message)',
  },
  'extract.unsupported_template': {
    severity: 'info',
    description: 'the report is on the template used before 2019 (the 2008 regulation\'s statistics); its numbers are not read',
  },
  'extract.year_from_body': { severity: 'warning', description: 'the title prints no year: the report year is the year the body names most often' },
  'extract.year_disagrees': { severity: 'warning', description: 'the year the title prints is not the year the body names most often; the title\'s is kept' },
  'region.fuzzy_match': { severity: 'warning', description: 'the agency\'s place was matched to a division name only approximately' },
  'region.ambiguous': { severity: 'warning', description: 'the agency\'s place name fits more than one division' },
  'region.unknown': { severity: 'warning', description: 'the agency could not be placed on the map of divisions' },
};

/** The issue fields a rule fixes: its id and its catalogued severity. */
export function ruleOf(id: RuleId): { rule: RuleId; severity: Severity } {
  return { rule: id, severity: RULES[id].severity };
}
