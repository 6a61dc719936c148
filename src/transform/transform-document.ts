/**
 * The transform: maps a document onto the template. Pure: a DocumentModel in,
 * a ReportRecord out (facts, narrative sections, extraction and validation
 * issues). Never touches the database or the file system.
 */
import type { Block, DocumentModel } from '../extract/document.ts';
import { findSections, type SectionSpan } from './find-sections.ts';
import { findTitle } from './find-title.ts';
import { layoutOf, logicalRows } from './logical-rows.ts';
import { mapActiveDisclosure } from './map-active-disclosure.ts';
import { mapApplications } from './map-applications.ts';
import { mapReviewLitigation } from './map-review-litigation.ts';
import { includesAny, normalizeLabel } from './normalize-label.ts';
import type { ReportRecord, TableCode, TemplateVersion, ValidationIssue } from './record.ts';
import { readRunningText } from './running-text/read-running-text.ts';
import { TABLE_CONTENT_KEYWORDS, type SectionCode } from './template/template.ts';
import { RULE, ruleOf } from './validate/rules.ts';

const TABLE_SECTIONS: readonly TableCode[] = ['active_disclosure', 'applications', 'review_litigation'];
const TABLE_TITLES: Record<TableCode, string> = {
  active_disclosure: '二 主动公开政府信息情况',
  applications: '三 收到和处理政府信息公开申请情况',
  review_litigation: '四 行政复议、行政诉讼情况',
};
const NARRATIVE: readonly SectionCode[] = ['overview', 'problems_and_improvements', 'other_matters'];

/** Which table a table block holds, judged by its words, for tables outside a recognised section. */
function tableKindByContent(block: Block): TableCode | null {
  if (block.kind !== 'table') return null;
  const text = normalizeLabel(block.rows.map((r) => r.map((c) => c.text).join('')).join(''));
  for (const k of TABLE_CONTENT_KEYWORDS) if (includesAny(text, k.keywords)) return k.code;
  return null;
}

/** Blocks of each table section: the section's own blocks, plus tables elsewhere whose content names it. */
function blocksByTable(doc: DocumentModel, sections: SectionSpan[]): Record<TableCode, Block[]> {
  const out: Record<TableCode, Block[]> = { active_disclosure: [], applications: [], review_litigation: [] };
  const sectionOf: Array<SectionCode | null> = doc.blocks.map(() => null);
  for (const s of sections) for (let i = s.start; i < s.end; i++) sectionOf[i] = s.code;
  doc.blocks.forEach((block, i) => {
    const section = sectionOf[i];
    const inTableSection = section !== null && section !== undefined && (TABLE_SECTIONS as readonly string[]).includes(section);
    if (inTableSection) {
      // A table of another kind inside a section (some pages print all three in one place) goes where its content says.
      const byContent = tableKindByContent(block);
      const own = section as TableCode;
      const target = byContent && byContent !== own && !sectionsHave(sections, byContent) ? byContent : own;
      out[target].push(block);
    } else if (block.kind === 'table') {
      const byContent = tableKindByContent(block);
      if (byContent && !sectionsHave(sections, byContent)) out[byContent].push(block);
    }
  });
  return out;
}

function sectionsHave(sections: SectionSpan[], code: SectionCode): boolean {
  return sections.some((s) => s.code === code);
}

function narrativeText(doc: DocumentModel, span: SectionSpan): string {
  return doc.blocks
    .slice(span.start + 1, span.end)
    .flatMap((b) => (b.kind === 'table' ? [] : [b.text]))
    .join('\n')
    .trim();
}

function combineVersions(versions: Array<'2019' | '2021' | 'mixed' | null>): TemplateVersion | null {
  const seen = new Set(versions.filter((v): v is '2019' | '2021' | 'mixed' => v !== null));
  if (seen.has('mixed') || (seen.has('2019') && seen.has('2021'))) return 'mixed';
  return seen.has('2021') ? '2021' : seen.has('2019') ? '2019' : null;
}

/** A year not read from the title, or a title year the body does not bear out, is said so. */
function yearIssues(titleYear: number | null, bodyYear: number | null): ValidationIssue[] {
  if (titleYear === null && bodyYear !== null) {
    return [{ ...ruleOf(RULE.extractYearFromBody), printed: bodyYear, message: `the title prints no year; ${bodyYear}, the year the body names most often, is taken as the report year` }];
  }
  if (titleYear !== null && bodyYear !== null && titleYear !== bodyYear) {
    return [
      {
        ...ruleOf(RULE.extractYearDisagrees),
        printed: titleYear,
        expected: bodyYear,
        message: `the title prints ${titleYear} but the body names ${bodyYear} most often; ${titleYear} is kept`,
      },
    ];
  }
  return [];
}

/** What the extractor noticed about the bytes, as issues. */
function noteIssues(doc: DocumentModel): ValidationIssue[] {
  return (doc.notes ?? []).map((n) => ({ ...ruleOf(RULE.extractCharsetMismatch), message: n.message }));
}

export function transformDocument(source: DocumentModel): ReportRecord {
  // Page text flattened into running text is first read back into headings and tables.
  const { doc, issues: runningTextIssues } = readRunningText(source);
  const sections = findSections(doc);
  const blocks = blocksByTable(doc, sections);
  const layout = layoutOf(doc.format);
  const active = mapActiveDisclosure(logicalRows(blocks.active_disclosure, layout));
  const apps = mapApplications(logicalRows(blocks.applications, layout));
  const review = mapReviewLitigation(logicalRows(blocks.review_litigation, layout));
  const { title, agency, year, titleYear, bodyYear } = findTitle(doc);

  const issues: ValidationIssue[] = [...noteIssues(source), ...runningTextIssues, ...active.issues, ...apps.issues, ...review.issues];
  // A table whose rows could not be read was still found: its mapper's issues say what went wrong with it.
  const found: Record<TableCode, boolean> = {
    active_disclosure: Object.keys(active.active_disclosure).length > 0 || active.issues.length > 0,
    applications: Object.keys(apps.applications).length > 0 || apps.issues.length > 0,
    review_litigation: Object.keys(review.review_litigation).length > 0 || review.issues.length > 0,
  };
  for (const table of TABLE_SECTIONS) {
    if (!found[table]) issues.push({ ...ruleOf(RULE.extractTableMissing), table, message: `table ${TABLE_TITLES[table]} was not found` });
  }
  if (!agency) issues.push({ ...ruleOf(RULE.extractAgencyMissing), message: 'agency not found in the title or body' });
  if (year === null) issues.push({ ...ruleOf(RULE.extractYearMissing), message: 'report year not found' });
  issues.push(...yearIssues(titleYear, bodyYear));

  const table_templates: ReportRecord['table_templates'] = {};
  if (active.version === '2019' || active.version === '2021') table_templates.active_disclosure = active.version;
  if (apps.version) table_templates.applications = apps.version;

  const narrative: Record<string, string> = {};
  for (const s of sections) if (NARRATIVE.includes(s.code)) narrative[s.code] = narrativeText(doc, s);

  return {
    doc: doc.file,
    format: doc.format,
    title,
    agency,
    year,
    template: combineVersions([active.version, apps.version]),
    table_templates,
    active_disclosure: active.active_disclosure,
    applications: apps.applications,
    review_litigation: review.review_litigation,
    sections: narrative,
    validation: issues,
    cells: [...active.cells, ...apps.cells, ...review.cells],
  };
}

/** True when none of the report's three tables was found. */
export function hasNoTables(record: ReportRecord): boolean {
  return (
    Object.keys(record.active_disclosure).length === 0 &&
    Object.keys(record.applications).length === 0 &&
    Object.keys(record.review_litigation).length === 0
  );
}
