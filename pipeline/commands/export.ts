/**
 * `nianbao export [--db FILE] --out DIR [--format csv|parquet|xlsx]
 * [--view NAME …] [--where "year >= 2021"]`: the published warehouse, opened
 * read-only, to files. Never runs the pipeline and never changes the
 * warehouse.
 */
import { exportViews, EXPORT_FORMATS, openWarehouse, type ExportFileFormat } from '../../src/load/warehouse.ts';
import { codeVersionLine } from '../code-version.ts';

export interface ExportOptions {
  db: string;
  out: string;
  format: string;
  view?: string[];
  where?: string;
}

export class ExportUsageError extends Error {}

export async function runExport(options: ExportOptions, out: NodeJS.WritableStream): Promise<void> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new ExportUsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${options.format}"`);
  }
  const wh = await openWarehouse(options.db, { readOnly: true });
  try {
    const result = await exportViews(wh, {
      dir: options.out,
      format: options.format as ExportFileFormat,
      views: options.view,
      where: options.where,
      codeVersion: codeVersionLine(),
    });
    for (const o of result.objects) out.write(`${o.object.name}: ${o.rows} rows\n`);
    for (const s of result.skipped) out.write(`skipped ${s.name}: ${s.reason}\n`);
    out.write(`exported ${result.objects.length} views as ${options.format} to ${result.dir} (README.md, dictionary.md, dictionary.csv)\n`);
  } finally {
    await wh.close();
  }
}
