/**
 * The `nianbao` command line. Thin: parses arguments and calls the stages.
 *   nianbao extract FILE [--json]      one document -> its record
 *   nianbao run [--raw DIR] [--db FILE] build or refresh the warehouse
 * Exit codes: 0 all documents loaded; 1 some documents failed (the rest
 * loaded); 2 usage or fatal error.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { isNianbaoError } from '../src/errors.ts';
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
      // Loaded on use, like `run` below: `nianbao --help` loads neither the extractors nor DuckDB.
      const { extractRecord } = await import('./extract-record.ts');
      const { toJson } = await import('./public-record.ts');
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
    .option('--workers <n>', 'worker threads reading documents (default: one per core)', positiveInt)
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
