/**
 * Labels (test/fixtures/corpus/labels/*.json): the exact values each
 * document prints. Flattens a label or a record into comparable cells the
 * way ../shared/tools/score.py does, and lists where two differ.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICANT_COLUMNS, OUTCOMES } from '../../src/transform/template/template.ts';

export const CORPUS = new URL('../fixtures/corpus/', import.meta.url).pathname;

export interface Label {
  doc: string;
  agency: string;
  year: number;
  template?: string;
  active_disclosure?: Record<string, Record<string, number | string | null>>;
  applications?: Record<string, (number | null)[]>;
  review_litigation?: Record<string, (number | null)[]>;
  notes?: string[];
}

export function loadCorpusLabels(): Array<{ name: string; label: Label; docPath: string }> {
  const dir = join(CORPUS, 'labels');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const label = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Label;
      return { name: f.replace(/\.json$/, ''), label, docPath: join(CORPUS, 'docs', label.doc) };
    });
}

type Flat = Map<string, number | string | null>;

interface Comparable {
  active_disclosure?: Record<string, Record<string, unknown>>;
  applications?: Record<string, unknown[]>;
  review_litigation?: Record<string, unknown[]>;
}

export function flattenCells(r: Comparable): Flat {
  const out: Flat = new Map();
  for (const [item, metrics] of Object.entries(r.active_disclosure ?? {})) {
    for (const [m, v] of Object.entries(metrics ?? {})) if (m !== 'unit') out.set(`ad.${item}.${m}`, v as number | null);
  }
  for (const [row, vals] of Object.entries(r.applications ?? {})) {
    vals.forEach((v, i) => out.set(`app.${row}.${APPLICANT_COLUMNS[i]}`, v as number | null));
  }
  for (const [p, vals] of Object.entries(r.review_litigation ?? {})) {
    vals.forEach((v, i) => out.set(`rl.${p}.${OUTCOMES[i]}`, v as number | null));
  }
  return out;
}

/** Cells of the label that the record gets wrong, as "key: want X got Y". */
export function cellDifferences(label: Comparable, record: Comparable): string[] {
  const want = flattenCells(label);
  const got = flattenCells(record);
  const diffs: string[] = [];
  for (const [k, v] of want) {
    const g = got.has(k) ? got.get(k) : 'MISSING';
    const same = typeof v === 'number' && typeof g === 'number' ? Math.abs(v - g) < 1e-6 : v === g;
    if (!same) diffs.push(`${k}: want ${v} got ${g}`);
  }
  return diffs;
}
