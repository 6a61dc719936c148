/** DuckDB failures as LoadErrors naming the file concerned, and SQL literals. */
import { LoadError } from '../errors.ts';

/** The first line of an error's message (DuckDB appends the offending SQL on further lines). */
export function reasonOf(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0]?.trim() || 'unknown error';
}

export function toLoadError(e: unknown, file: string, what: string): LoadError {
  if (e instanceof LoadError) return e;
  return new LoadError(file, `${what}: ${reasonOf(e)}`, e);
}

/** SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
