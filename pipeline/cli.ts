/**
 * The `nianbao` command line. Thin: parses arguments and calls the stages.
 *   nianbao extract FILE [--json]      one document -> its record
 *   nianbao run [--raw DIR] [--db FILE] build or refresh the warehouse
 *   nianbao export --out DIR [--format csv|parquet|xlsx] [--view V …] [--where SQL]
 *                                       the published warehouse (read-only) to files
 *   nianbao query "SQL" | --file F.sql  one read-only query, printed
 *   nianbao dictionary [--out DIR]      the data dictionary as Markdown and CSV
 * Exit codes: 0 all documents loaded; 1 some documents failed (the rest
 * loaded); 2 usage or fatal error.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { isNianbaoError } from '../src/errors.ts';
import { extractRecord } from './extract-record.ts';
import { toJson } from './public-record.ts';
import type { RunOptions } from './run.ts';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_FATAL = 2;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number from 1 up, got "${value}"`);
  return n;
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let code = EXIT_OK;
  const program = new Command('nianbao')
    .description('Government information disclosure annual reports -> DuckDB warehouse')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) });

  program
    .command('extract')
    .description('extract one report and print its record')
    .argument('<file>', 'report file (.txt, .md, .html, .htm, .docx, .pdf)')
    .option('--json', 'print the record as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      try {
        const record = await extractRecord(file);
        if (opts.json) out.write(toJson(record) + '\n');
        else {
          out.write(`${record.doc}: ${record.agency ?? '(agency unknown)'} ${record.year ?? '(year unknown)'} template ${record.template ?? '?'}\n`);
          out.write(`  ${record.cells.length} cells, ${record.validation.length} issues\n`);
          for (const issue of record.validation) out.write(`  ${issue.severity} ${issue.rule}: ${issue.message}\n`);
        }
      } catch (e) {
        if (!isNianbaoError(e)) throw e;
        err.write(`nianbao: ${e.line()}\n`);
        code = EXIT_SOME_FAILED;
      }
    });

  program
    .command('run')
    .description('extract every report under the raw folder and load the warehouse')
    .option('--raw <dir>', 'folder of raw reports', 'data/raw')
    .option('--db <file>', 'DuckDB warehouse file', 'data/warehouse/nianbao.duckdb')
    .option('--force', 'redo every document, not only changed ones')
    .option('--export <dir>', 'also export every table to this folder')
    .option('--format <format>', 'export format: csv or parquet', 'parquet')
    .option('--concurrency <n>', 'documents extracted at once', positiveInt, 2)
    .action(async (opts: RunOptions) => {
      if (opts.format !== 'csv' && opts.format !== 'parquet') {
        err.write(`nianbao: --format must be csv or parquet, got "${opts.format}"\n`);
        code = EXIT_FATAL;
        return;
      }
      // Loaded on use: `extract` never loads DuckDB.
      const { runPipeline } = await import('./run.ts');
      const summary = await runPipeline(opts, out);
      code = summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
    });

  /** Runs a read-only command; any failure is one line and exit 2 (nothing was changed). */
  const readOnlyCommand = (fn: () => Promise<void>) => async () => {
    try {
      await fn();
    } catch (e) {
      err.write(`nianbao: ${isNianbaoError(e) ? e.line() : e instanceof Error ? e.message : String(e)}\n`);
      code = EXIT_FATAL;
    }
  };

  program
    .command('export')
    .description('export views of the published warehouse (read-only) as CSV, Parquet or XLSX, with README.md and the data dictionary')
    .option('--db <file>', 'DuckDB warehouse file', 'data/warehouse/nianbao.duckdb')
    .requiredOption('--out <dir>', 'folder to write the files to')
    .option('--format <format>', 'csv, parquet or xlsx', 'csv')
    .option('--view <name...>', 'views (or tables) to export; default every analyst view')
    .option('--where <condition>', 'SQL condition every exported view is filtered by, e.g. "year >= 2021"')
    .action((opts: import('./commands/export.ts').ExportOptions) =>
      readOnlyCommand(async () => (await import('./commands/export.ts')).runExport(opts, out))(),
    );

  program
    .command('query')
    .description('run one read-only SQL query on the warehouse and print the result')
    .argument('[sql]', 'the SQL to run')
    .option('--db <file>', 'DuckDB warehouse file', 'data/warehouse/nianbao.duckdb')
    .option('--file <file>', 'read the SQL from this file (sql/analyses/*.sql)')
    .option('--csv', 'print CSV')
    .option('--json', 'print one JSON object per row')
    .action((sql: string | undefined, opts: import('./commands/query.ts').QueryOptions) =>
      readOnlyCommand(async () => (await import('./commands/query.ts')).runQuery(sql, opts, out))(),
    );

  program
    .command('dictionary')
    .description('write the data dictionary (dictionary.md, dictionary.csv) of every table and view')
    .option('--out <dir>', 'folder to write to', 'docs')
    .option('--db <file>', 'describe this warehouse (default: a fresh one built by this code)')
    .action((opts: { out: string; db?: string }) =>
      readOnlyCommand(async () => (await import('./commands/dictionary.ts')).runDictionary(opts, out))(),
    );

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_OK : EXIT_FATAL;
    }
    err.write(`nianbao: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FATAL;
  }
  return code;
}
