/**
 * The `nianbao` command line. Thin: parses arguments and calls the stages.
 *   nianbao extract FILE [--json]      one document -> its record
 *   nianbao run [--raw DIR] [--db FILE] build or refresh the warehouse
 *   nianbao crawl [--sources FILE]      fill the raw folder from the agencies' sites
 *   nianbao run --crawl                 crawl, then run
 *   nianbao schedule --cron "30 2 * * *"   crawl and run on a schedule, until SIGTERM
 *   nianbao status [--db FILE]         the last runs and the files failing now
 *   nianbao --version                  package and reader versions
 *   nianbao export --out DIR [--format csv|parquet|xlsx] [--view V …] [--where SQL]
 *                                       the published warehouse (read-only) to files
 *   nianbao query "SQL" | --file F.sql  one read-only query, printed
 *   nianbao dictionary [--out DIR]      the data dictionary as Markdown and CSV
 * Exit codes: 0 the warehouse is published and no file failed in this run;
 * 1 some files failed in this run (the rest published); 2 usage or fatal
 * error, another run holds the warehouse (--no-wait), or a plan refused for
 * its removals: nothing changed.
 */
import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { isNianbaoError } from '../src/errors.ts';
import { SUPPORTED_EXTENSIONS } from '../src/extract/registry.ts';
import type { CrawlAndRunOptions } from './crawl-and-run.ts';
import type { CrawlCommandOptions } from './crawl-command.ts';

/** commander is CommonJS: required, not imported, which spares every command the ESM loader's scan of its exports (~10 ms of `--help`). */
const { Command, CommanderError, InvalidArgumentError } = createRequire(import.meta.url)('commander') as typeof Commander;
type Command = Commander.Command;

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_FATAL = 2;

const DEFAULT_DB = 'data/warehouse/nianbao.duckdb';

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number from 0 up, got "${value}"`);
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number from 1 up, got "${value}"`);
  return n;
}

/** The options naming what to crawl and how to reach whoever runs the crawler. */
function crawlOptions(cmd: Command): Command {
  return cmd
    .option('--sources <file>', 'sources file: the listing pages to crawl', 'sources.csv')
    .option('--config <file>', 'config file (crawl.contact, limits, allowed hosts)', 'nianbao.config.json')
    .option('--contact <contact>', 'e-mail or URL for the user agent (overrides crawl.contact)');
}

/** The options of a pipeline run. */
function runOptions(cmd: Command): Command {
  return cmd
    .option('--raw <dir>', 'folder of raw reports', 'data/raw')
    .option('--db <file>', 'DuckDB warehouse file', DEFAULT_DB)
    .option('--stage <dir>', 'folder of staged results (default: stage/ beside --db)')
    .option('--force', 'read every file again, staged or not')
    .option('--allow-removals', 'apply a run that removes all, or more than a fifth, of the stored reports')
    .option('--no-wait', 'exit 2 at once when another run holds the warehouse, instead of waiting')
    .option('--export <dir>', 'also export every table to this folder')
    .option('--format <format>', 'export format: csv or parquet', 'parquet')
    .option('--workers <n>', 'worker threads reading documents (default: one per core; 0 reads in the main thread)', wholeNumber);
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
    .argument('<file>', `report file (${SUPPORTED_EXTENSIONS.join(', ')})`)
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

  const badFormat = (opts: { format: string }): boolean => {
    if (opts.format === 'csv' || opts.format === 'parquet') return false;
    err.write(`nianbao: --format must be csv or parquet, got "${opts.format}"\n`);
    code = EXIT_FATAL;
    return true;
  };

  runOptions(crawlOptions(program.command('run')))
    .description('extract every report under the raw folder and load the warehouse (with --crawl: crawl the sources first)')
    .option('--crawl', 'crawl the sources into the raw folder first')
    .action(async (opts: CrawlAndRunOptions) => {
      if (badFormat(opts)) return;
      const { crawlAndRun } = await import('./crawl-and-run.ts');
      code = await crawlAndRun({ ...opts, crawl: opts.crawl ?? false }, out);
    });

  crawlOptions(program.command('crawl'))
    .description("fetch the reports the sources' listing pages link into the raw folder, with manifest.csv and crawl-log.csv")
    .option('--raw <dir>', 'folder of raw reports', 'data/raw')
    .action(async (opts: CrawlCommandOptions) => {
      const { runCrawl, crawlExitCode } = await import('./crawl-command.ts');
      code = crawlExitCode(await runCrawl(opts, out));
    });

  runOptions(crawlOptions(program.command('schedule')))
    .description('stay running: crawl and run whenever the cron expression fires, never two runs at once; SIGTERM stops it')
    .requiredOption('--cron <expression>', 'when to run, e.g. "30 2 * * *" (croner: 5 fields, or 6 with seconds)')
    .option('--no-crawl', 'run the pipeline only, without crawling first')
    .action(async (opts: CrawlAndRunOptions & { cron: string }) => {
      if (badFormat(opts)) return;
      const { scheduleCommand } = await import('./schedule-command.ts');
      code = await scheduleCommand(opts, out, err);
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
    const { versionText } = await import('./code-version.ts');
    out.write(versionText());
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
    .option('--db <file>', 'DuckDB warehouse file', DEFAULT_DB)
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
    .option('--db <file>', 'DuckDB warehouse file', DEFAULT_DB)
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
    err.write(`nianbao: ${isNianbaoError(e) ? e.line() : e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FATAL;
  }
  return code;
}
