/**
 * The README.md of an export folder: what was exported, from which
 * warehouse and run, by which code, how many rows each file holds, the
 * file conventions, and how to cite it. Facts about the warehouse are read
 * here (readWarehouseFacts); the text is a pure function of them.
 */
import { stat } from 'node:fs/promises';
import type { Scalar, Warehouse } from '../warehouse-connection.ts';
import type { ExportObject, ExportRequest, ExportResult } from './export-views.ts';

export interface WarehouseFacts {
  path: string;
  /** When the warehouse file was last written (ISO), or null for an in-memory one. */
  modified: string | null;
  reports: number;
  byStatus: Array<{ status: string; n: number }>;
  years: { from: number | null; to: number | null };
  /** Versions of the code that read the reports, most reports first. */
  codeVersions: Array<{ version: string; n: number }>;
  rawRoot: string | null;
  /** The latest row of the warehouse's runs table, where it has one (written by `nianbao run`). */
  lastRun: Record<string, Scalar> | null;
}

async function hasTable(wh: Warehouse, name: string): Promise<boolean> {
  const rows = await wh.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND table_name = $1`, [name]);
  return Number(rows[0]?.n ?? 0) > 0;
}

export async function readWarehouseFacts(wh: Warehouse): Promise<WarehouseFacts> {
  const byStatus = (await wh.query('SELECT status, count(*) AS n FROM reports GROUP BY status ORDER BY status')).map((r) => ({ status: String(r.status), n: Number(r.n) }));
  const years = (await wh.query('SELECT min(year) AS lo, max(year) AS hi FROM reports'))[0];
  const versions = await wh.query(`SELECT reader_version AS v, count(*) AS n FROM reports GROUP BY reader_version ORDER BY n DESC, v`);
  const lastRun = (await hasTable(wh, 'runs')) ? ((await wh.query('SELECT * FROM runs ORDER BY run_id DESC LIMIT 1'))[0] ?? null) : null;
  let modified: string | null = null;
  try {
    modified = (await stat(wh.path)).mtime.toISOString();
  } catch {
    // In memory, or gone: no date to give.
  }
  return {
    path: wh.path,
    modified,
    reports: byStatus.reduce((n, s) => n + s.n, 0),
    byStatus,
    years: { from: (years?.lo as number | null) ?? null, to: (years?.hi as number | null) ?? null },
    codeVersions: versions.map((v) => ({ version: String(v.v || '(unknown)'), n: Number(v.n) })),
    rawRoot: (lastRun?.raw_root as string | null | undefined) ?? null,
    lastRun,
  };
}

export interface ReadmeInput {
  request: ExportRequest;
  facts: WarehouseFacts;
  objects: readonly ExportObject[];
  skipped: ExportResult['skipped'];
  /** Files written, relative to the export folder. */
  files: readonly string[];
  /** Export date (ISO); default now. */
  exported?: string;
}

const CONVENTIONS: Record<ExportRequest['format'], string[]> = {
  csv: [
    '- One `VIEW.csv` per view: UTF-8 with a byte-order mark (opens right in Chinese Excel), comma separated, a header row of column names.',
    '- An empty cell is NULL: the report left the cell blank (or printed "/", "—"), never 0.',
    '- Whole numbers have no ".0"; money (`amount_yuan`, `amount_printed`) has no trailing zeros.',
    "- A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return starts with an apostrophe (`'=HYPERLINK(…)`), so no spreadsheet runs it as a formula; remove the first character of such a cell to get the text as stored. Numbers are never changed.",
    '- Codes (`row_code`, `applicant_code` …) stand beside their Chinese labels and English names.',
  ],
  parquet: [
    '- One dataset per view, partitioned by year where the view has one (`VIEW/year=2024/data_0.parquet`; read with hive partitioning), else `VIEW.parquet`.',
    '- Every file carries key-value metadata: `nianbao_object`, `nianbao_description` and `nianbao_dictionary` (the columns, as JSON).',
    '- Types as in the warehouse: counts BIGINT, money DECIMAL, NULL for a blank cell.',
  ],
  xlsx: [
    `- One workbook, \`nianbao.xlsx\`: a sheet per view, column names in the first row, and a sheet \`dictionary\`.`,
    '- Numbers are numbers, text is text (never a formula), an empty cell is NULL (a blank cell in the report).',
  ],
};

export function exportReadme(input: ReadmeInput): string {
  const { request, facts, objects } = input;
  const exported = input.exported ?? new Date().toISOString();
  const last = facts.lastRun;
  const run = last
    ? `run ${String(last.run_id)} (started ${String(last.started)}, ended ${String(last.ended)}), code version ${String(last.code_version)}; ` +
      `${String(last.seen)} files seen, ${String(last.new)} reports new, ${String(last.changed)} changed, ${String(last.removed)} removed, ${String(last.stale)} stale, ${String(last.failed)} failed`
    : 'no run recorded in this warehouse';
  const lines = [
    '# nianbao export',
    '',
    `Exported ${exported} by nianbao (code version ${request.codeVersion}), read-only, from the warehouse \`${facts.path}\`` +
      (facts.modified ? ` (last written ${facts.modified}).` : '.'),
    '',
    `- Run: ${run}`,
    `- Reports: ${facts.reports} (${facts.byStatus.map((s) => `${s.status} ${s.n}`).join(', ')}), years ${facts.years.from ?? '?'}–${facts.years.to ?? '?'}`,
    `- Read by reader version${facts.codeVersions.length === 1 ? '' : 's'}: ${facts.codeVersions.map((v) => `${v.version} (${v.n} reports)`).join(', ')}`,
    `- Raw folder of the last run: ${facts.rawRoot ?? 'not recorded'}`,
    `- Filter: ${request.where ? `\`${request.where}\`` : 'none'}`,
    '',
    '| view | rows | what |',
    '| --- | --- | --- |',
    ...objects.map((o) => `| ${o.object.name} | ${o.rows} | ${(o.object.description ?? '').replaceAll('|', '\\|')} |`),
    '',
    ...(input.skipped.length > 0 ? ['Left out:', '', ...input.skipped.map((s) => `- ${s.name}: ${s.reason}`), ''] : []),
    '## Files',
    '',
    ...CONVENTIONS[request.format],
    '- `dictionary.md` and `dictionary.csv`: every column of every file with its Chinese label, English description, unit, type and allowed values, and every template code.',
    '',
    ...input.files.map((f) => `- \`${f}\``),
    '',
    '## How to cite',
    '',
    `nianbao warehouse of 政府信息公开工作年度报告, ${facts.reports} reports` +
      `${facts.years.from !== null ? ` (${facts.years.from}–${facts.years.to})` : ''}, exported ${exported.slice(0, 10)}, code version ${request.codeVersion}. ` +
      'Every number is the number printed in the report; trace one with the view v_evidence (file, page, raw text).',
    '',
  ];
  return lines.join('\n');
}
