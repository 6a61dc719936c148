/**
 * The State Council template as data: canonical codes from template.json
 * plus the label keywords that recognise each row, column, item and metric in
 * printed reports. This is the one place that knows the template's wording.
 */
import spec from './template.json' with { type: 'json' };

export const APPLICANT_COLUMNS: readonly string[] = spec.applications.columns.map((c) => c.code);
export const APPLICATION_ROWS: readonly string[] = spec.applications.rows.map((r) => r.code);
export const PROCEEDINGS: readonly string[] = spec.review_litigation.proceedings.map((p) => p.code);
export const OUTCOMES: readonly string[] = spec.review_litigation.outcomes.map((o) => o.code);
export const ACTIVE_ITEMS: readonly string[] = spec.active_disclosure.items.map((i) => i.code);
export const NARRATIVE_SECTIONS = spec.narrative_sections;

/** Official label of every code, for messages and the data dictionary. */
export const LABELS: Readonly<Record<string, string>> = Object.fromEntries([
  ...spec.applications.rows.map((r) => [`applications.${r.code}`, r.label]),
  ...spec.applications.columns.map((c) => [`applications.column.${c.code}`, c.label]),
  ...spec.review_litigation.proceedings.map((p) => [`review_litigation.${p.code}`, p.label]),
  ...spec.review_litigation.outcomes.map((o) => [`review_litigation.column.${o.code}`, o.label]),
  ...spec.active_disclosure.items.map((i) => [`active_disclosure.${i.code}`, i.label]),
  ...Object.entries(spec.active_disclosure.metrics).map(([k, v]) => [`active_disclosure.metric.${k}`, v]),
]);

/** Rows of section 三 that only the 2019 / only the 2021 template prints. */
export const ROWS_2019_ONLY: readonly string[] = ['other_handling'];
export const ROWS_2021_ONLY: readonly string[] = ['other_overdue_correction', 'other_unpaid_fee', 'other_misc'];

/** Section 二 items each template version prints (an item with metrics in that version). */
export const ITEMS_BY_VERSION: Readonly<Record<'2019' | '2021', readonly string[]>> = {
  '2019': spec.active_disclosure.items.filter((i) => i.metrics_2019.length > 0).map((i) => i.code),
  '2021': spec.active_disclosure.items.filter((i) => i.metrics_2021.length > 0).map((i) => i.code),
};

/** Metrics per template version for section 二 (a metric in both lists says nothing about the version). */
export const METRICS_2019 = new Set(spec.active_disclosure.items.flatMap((i) => i.metrics_2019));
export const METRICS_2021 = new Set(spec.active_disclosure.items.flatMap((i) => i.metrics_2021));

export interface Matcher {
  code: string;
  /** Any of these substrings (in a normalised label) identifies the code. */
  keywords: readonly string[];
}

/**
 * Section 三 rows, most specific first. Keywords are matched against labels
 * normalised by normalizeLabel (NFKC, no white space).
 */
export const APPLICATION_ROW_MATCHERS: readonly Matcher[] = [
  { code: 'new_received', keywords: ['本年新收'] },
  { code: 'carried_over', keywords: ['上年结转'] },
  { code: 'carried_forward', keywords: ['结转下年'] },
  { code: 'partially_granted', keywords: ['部分公开'] },
  { code: 'granted', keywords: ['予以公开'] },
  { code: 'denied_state_secret', keywords: ['国家秘密'] },
  // 其他法律行政止公开 is a known misprint of 其他法律行政法规禁止公开.
  { code: 'denied_prohibited_by_law', keywords: ['法规禁止公开', '禁止公开', '行政止公开', '其他法律行政'] },
  { code: 'denied_security_stability', keywords: ['三安全一稳定', '三安全', '一稳定'] },
  { code: 'denied_third_party_rights', keywords: ['第三方'] },
  { code: 'denied_internal_affairs', keywords: ['内部事务'] },
  { code: 'denied_process_info', keywords: ['过程性'] },
  { code: 'denied_enforcement_case_files', keywords: ['执法案卷'] },
  { code: 'denied_query_matter', keywords: ['行政查询', '查询事项'] },
  { code: 'unable_not_held', keywords: ['不掌握'] },
  { code: 'unable_needs_creation', keywords: ['另行制作', '没有现成'] },
  { code: 'unable_unclear_after_correction', keywords: ['仍不明确', '补正后申请'] },
  { code: 'rejected_complaint_petition', keywords: ['信访', '举报投诉'] },
  { code: 'rejected_duplicate', keywords: ['重复申请'] },
  { code: 'rejected_publication', keywords: ['出版物'] },
  { code: 'rejected_mass_repeated', keywords: ['大量反复'] },
  { code: 'rejected_confirm_or_reissue', keywords: ['重新出具', '确认或重新'] },
  { code: 'other_overdue_correction', keywords: ['逾期不补正', '无正当理由逾期'] },
  { code: 'other_unpaid_fee', keywords: ['缴纳费用', '收费通知'] },
  { code: 'other_handling', keywords: ['其他处理'] },
  { code: 'total_handled', keywords: ['总计'] },
];

/**
 * A section 三 row label that is just 其他 (after its numbering) is （六）3.其他,
 * unless it is numbered otherwise: "2.其他" is the start of
 * 2.其他法律行政法规禁止公开, cut off by a page break.
 */
export const OTHER_MISC_LABEL = '其他';
export const OTHER_MISC_NUMBER = '3';

/** Words of the applicant header; a row holding them is a header row, not data. */
export const APPLICANT_HEADER_KEYWORDS: readonly string[] = ['自然人', '商业企业', '科研机构', '法人或其他组织', '法律服务机构', '申请人情况'];

/** Section 四 proceedings. 行政复议 alone means review; the two litigation kinds are named in full. */
export const PROCEEDING_MATCHERS: readonly Matcher[] = [
  { code: 'litigation_direct', keywords: ['未经复议直接起诉', '直接起诉'] },
  { code: 'litigation_after_review', keywords: ['复议后起诉'] },
  { code: 'review', keywords: ['行政复议'] },
];

/** Section 四 columns: the outcome a header label names. */
export const OUTCOME_MATCHERS: readonly Matcher[] = [
  { code: 'upheld', keywords: ['结果维持', '维持'] },
  { code: 'corrected', keywords: ['结果纠正', '纠正'] },
  { code: 'other', keywords: ['其他结果'] },
  { code: 'pending', keywords: ['尚未审结', '未审结'] },
  { code: 'total', keywords: ['总计', '合计'] },
];

/** Section 四: a row or heading naming 行政诉讼 alone covers both litigation proceedings, in this order. */
export const LITIGATION_LABEL = '行政诉讼';
export const LITIGATION_PROCEEDINGS: readonly string[] = ['litigation_direct', 'litigation_after_review'];

/**
 * Section 三 columns: the applicant column a header label names. 其他 must be
 * the whole label (法人或其他组织 is the group over five columns, no column).
 */
export const APPLICANT_COLUMN_MATCHERS: ReadonlyArray<Matcher & { exact?: boolean }> = [
  { code: 'natural_person', keywords: ['自然人'] },
  { code: 'commercial_enterprise', keywords: ['商业企业'] },
  { code: 'research_institution', keywords: ['科研机构'] },
  { code: 'social_welfare_org', keywords: ['社会公益组织', '公益组织'] },
  { code: 'legal_service_org', keywords: ['法律服务机构'] },
  { code: 'other_org', keywords: ['其他'], exact: true },
  { code: 'total', keywords: ['总计', '合计'] },
];

/** Section 二 items. */
export const ACTIVE_ITEM_MATCHERS: readonly Matcher[] = [
  { code: 'normative_documents', keywords: ['规范性文件'] },
  { code: 'regulations', keywords: ['规章'] },
  { code: 'other_admin_services', keywords: ['其他对外管理服务'] },
  { code: 'admin_licensing', keywords: ['行政许可'] },
  { code: 'admin_penalty', keywords: ['行政处罚'] },
  { code: 'admin_coercion', keywords: ['行政强制'] },
  { code: 'admin_fees', keywords: ['行政事业性收费', '事业性收费'] },
  { code: 'central_procurement', keywords: ['政府集中采购', '集中采购'] },
];

/** Section 二 metric headers, most specific first; `version` marks wording only one template uses. */
export const ACTIVE_METRIC_MATCHERS: ReadonlyArray<Matcher & { version?: '2019' | '2021' }> = [
  { code: 'made', keywords: ['新制作'], version: '2019' },
  { code: 'published', keywords: ['新公开'], version: '2019' },
  { code: 'total_public', keywords: ['对外公开总'], version: '2019' },
  { code: 'issued', keywords: ['制发'], version: '2021' },
  { code: 'repealed', keywords: ['废止'], version: '2021' },
  { code: 'in_force', keywords: ['现行有效'], version: '2021' },
  { code: 'prev_year_items', keywords: ['上一年项目', '上年项目'], version: '2019' },
  { code: 'change', keywords: ['增/减', '增减', '增(减)'], version: '2019' },
  { code: 'decisions', keywords: ['本年处理决定'], version: '2021' },
  { code: 'decisions', keywords: ['处理决定'], version: '2019' },
  { code: 'amount', keywords: ['本年收费金额', '收费金额'], version: '2021' },
  { code: 'projects', keywords: ['采购项目'], version: '2019' },
  { code: 'amount', keywords: ['采购总金额', '总金额', '金额'] },
];

/** Items whose values are money and may carry a unit. */
export const MONEY_METRIC = 'amount';

/** Section headings: key phrase per section, matched in short numbered lines. */
export const SECTION_MATCHERS: ReadonlyArray<{ code: SectionCode; keywords: readonly string[] }> = [
  { code: 'overview', keywords: ['总体情况'] },
  { code: 'active_disclosure', keywords: ['主动公开政府信息情况', '主动公开政府信息'] },
  { code: 'applications', keywords: ['收到和处理政府信息公开申请', '政府信息公开申请情况', '处理政府信息公开申请'] },
  { code: 'review_litigation', keywords: ['行政复议'] },
  { code: 'problems_and_improvements', keywords: ['存在的主要问题', '主要问题及改进'] },
  { code: 'other_matters', keywords: ['其他需要报告的事项', '其他需要报告', '其他需报告'] },
];

export type SectionCode =
  | 'overview'
  | 'active_disclosure'
  | 'applications'
  | 'review_litigation'
  | 'problems_and_improvements'
  | 'other_matters';

/** Words that identify the table a section's rows belong to, for tables found outside any recognised section. */
export const TABLE_CONTENT_KEYWORDS: ReadonlyArray<{ code: 'active_disclosure' | 'applications' | 'review_litigation'; keywords: readonly string[] }> = [
  { code: 'applications', keywords: ['本年新收', '上年结转', '予以公开'] },
  { code: 'review_litigation', keywords: ['结果维持', '结果纠正', '尚未审结'] },
  { code: 'active_disclosure', keywords: ['信息内容', '第二十条', '行政许可', '规范性文件'] },
];

/** The first report year the State Council's 2019 template (国办公开办函〔2019〕60号) applies to; earlier reports follow the 2008 regulation. */
export const FIRST_YEAR_OF_2019_TEMPLATE = 2019;

/** Words only a report on the pre-2019 template prints: the 2008 statistics table and the old outline's section names. */
export const PRE_2019_MARKERS: readonly string[] = ['政府信息公开情况统计表', '指标名称计量单位', '依申请公开工作情况', '依申请公开、不予公开', '依申请公开和不予公开'];

/** Section 二 metrics each item prints in either template version, 2019 ones first, each once. */
export const ITEM_METRICS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  spec.active_disclosure.items.map((i) => [i.code, [...new Set([...i.metrics_2019, ...i.metrics_2021])]]),
);
