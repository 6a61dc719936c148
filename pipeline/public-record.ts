/**
 * The JSON a user sees from `nianbao extract FILE --json`: the record in the
 * shape of ../shared/corpus/README.md, plus raw text and provenance of every
 * cell under `cells`.
 */
import type { ReportRecord } from '../src/transform/record.ts';

export function toJson(record: ReportRecord): string {
  return JSON.stringify(record, null, 1);
}
