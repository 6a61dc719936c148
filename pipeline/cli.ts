/**
 * The `nianbao` command line. Thin: parses arguments and calls the stages.
 *   nianbao extract FILE [--json]      one document -> its record
 *   nianbao run [--raw DIR] [--db FILE] build or refresh the warehouse
 *   nianbao status [--db FILE]         the last runs and the files failing now
 *   nianbao --version                  package and reader versions
 * Exit codes: 0 the warehouse is published and no file failed in this run;
 * 1 some files failed in this run (the rest published); 2 usage or fatal
 * error, another run holds the warehouse (--no-wait), or a plan refused for
 * its removals: nothing changed.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { isNianbaoError } from '../src/errors.ts';
import { extractRecord } from './extract-record.ts';
import { toJson } from './public-record.ts';
import type { RunOptions } from './run.ts';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_FATAL = 2;

const DEFAULT_DB = 'data/warehouse/nianbao.duckdb';

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
    .option('-V, --version', 'print the package version and the reader versions')
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
    .option('--db <file>', 'DuckDB warehouse file', DEFAULT_DB)
    .option('--stage <dir>', 'folder of staged results (default: stage/ beside --db)')
    .option('--force', 'read every file again, staged or not')
    .option('--allow-removals', 'apply a run that removes all, or more than a fifth, of the stored reports')
    .option('--no-wait', 'exit 2 at once when another run holds the warehouse, instead of waiting')
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
      code = summary.exitCode;
    });

  program
    .command('status')
    .description('print the last runs and the files failing now')
    .option('--db <file>', 'DuckDB warehouse file', DEFAULT_DB)
    .option('--runs <n>', 'how many runs to list', positiveInt, 10)
    .action(async (opts: { db: string; runs: number }) => {
      const { printStatus } = await import('./status.ts');
      await printStatus(opts.db, opts.runs, out);
    });

  program.action(async (opts: { version?: boolean }) => {
    if (!opts.version) {
      program.outputHelp();
      return;
    }
    const { versionText } = await import('./status.ts');
    out.write(versionText());
  });

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
