/**
 * The dictionary as files: Markdown for people (one section per table and
 * view, then the template codes) and CSV (UTF-8 with BOM, one row per
 * column or code) for spreadsheets. Pure; deterministic for the same input.
 */
import { csvLine } from '../export/csv-cells.ts';
import type { Dictionary, DictionaryEntry } from './build-dictionary.ts';

const CSV_FIELDS: ReadonlyArray<keyof DictionaryEntry> = [
  'entry', 'object', 'object_kind', 'column', 'code', 'type', 'label_zh', 'description_en', 'unit', 'allowed_values',
];

export function dictionaryCsv(d: Dictionary): string {
  const lines = [csvLine([...CSV_FIELDS]), ...d.entries.map((e) => csvLine(CSV_FIELDS.map((f) => e[f])))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** A Markdown table cell: pipes escaped, no line breaks. */
function md(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

export function dictionaryMarkdown(d: Dictionary, title = 'nianbao data dictionary'): string {
  const out: string[] = [
    `# ${title}`,
    '',
    'Generated from src/load/dictionary/column-docs.ts, the views\' SQL files and src/transform/template/',
    '(`nianbao dictionary`); never edit by hand. Types are DuckDB types; NULL means a blank cell, never 0.',
    '',
  ];
  for (const o of d.objects) {
    out.push(`## ${o.name} (${o.kind})`, '', md(o.description), '', '| column | type | 中文 | description | unit | values |', '| --- | --- | --- | --- | --- | --- |');
    for (const e of d.entries.filter((x) => x.entry === 'column' && x.object === o.name)) {
      out.push(`| ${e.column} | ${e.type} | ${md(e.label_zh)} | ${md(e.description_en)} | ${e.unit} | ${md(e.allowed_values)} |`);
    }
    out.push('');
  }
  out.push('## Template codes', '', 'Every code of src/transform/template/template.json, by report table and the fact column it goes in.', '');
  out.push('| table | column | code | 中文 | English | note |', '| --- | --- | --- | --- | --- | --- |');
  for (const e of d.entries.filter((x) => x.entry === 'code')) {
    out.push(`| ${e.object} | ${e.column} | ${e.code} | ${md(e.label_zh)} | ${md(e.description_en)} | ${md(e.allowed_values)} |`);
  }
  return out.join('\n') + '\n';
}
