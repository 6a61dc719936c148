/**
 * Splits runs of digits printed with nothing between their cells
 * ("713000074" for the row 71, 3, 0, 0, 0, 0, 74) by the arithmetic the
 * cells must satisfy, and only when that arithmetic admits exactly one
 * split. A constraint search in two steps:
 *
 *   1. per run, every split into its columns (numbers have no leading zeros
 *      except 0 itself; a space between digits always ends a cell), kept
 *      when it satisfies the equations that lie within the run (a row's
 *      columns summing to its 总计);
 *   2. across runs, backtracking over the runs' candidates against the
 *      equations that join runs (a column's 一+二 = 三+四), checking each
 *      equation as soon as its last run is chosen.
 *
 * A run is read when one candidate is left for it in every solution of the
 * search (or, when the printed numbers satisfy no solution at all, when its
 * own equations leave it one). A run that can be cut one way only (as many
 * digits as cells) is read so whatever its sums say: the numbers are then
 * what the page prints, and the validation rules report the sums. Otherwise
 * it stays unread. Knows no template:
 * the equations come in as data. Pure.
 */

export interface DigitRun {
  id: string;
  /** The run's pieces as printed between spaces: "230", "000023". A sign may only open a piece. */
  tokens: readonly string[];
  /** Cells the run must fill. */
  width: number;
  /** Columns whose value may carry a sign (a change such as -15). */
  signedColumns?: ReadonlySet<number>;
}

export interface CellRef {
  run: string;
  col: number;
}

/** sum(left) = sum(right). */
export interface Equation {
  left: readonly CellRef[];
  right: readonly CellRef[];
}

export type RunReading =
  /** As many pieces as cells: nothing to split. */
  | { kind: 'printed'; cells: string[] }
  /** The one split the arithmetic admits. */
  | { kind: 'split'; cells: string[] }
  /** Several splits fit the arithmetic (count: how many were seen, at most the search's limit). */
  | { kind: 'ambiguous'; count: number }
  /** No split fits (or more pieces than cells). */
  | { kind: 'impossible' };

/** Most splits of one run the search lists before calling the run ambiguous (a run of 20 digits over 7 cells has 27,132). */
const MAX_CANDIDATES_PER_RUN = 50_000;
/** Most steps of the search across runs before it stops and calls the runs it could not settle ambiguous. */
const MAX_SEARCH_STEPS = 500_000;
/** Sums of money cells carry decimals; equal within this. */
const TOLERANCE = 1e-6;

const CELL = /^(?:0|[1-9]\d*)(?:\.\d+)?$/u;
const SIGNED_CELL = /^[+\-−]?(?:0|[1-9]\d*)(?:\.\d+)?$/u;

interface Candidate {
  cells: string[];
  values: number[];
}

function valueOf(cell: string): number {
  return Number(cell.replace('−', '-'));
}

/** Every way to cut `token` into `k` cells valid for columns from..from+k-1. */
function cutsOf(token: string, k: number, from: number, signed: ReadonlySet<number>, limit: number): string[][] {
  const out: string[][] = [];
  const walk = (start: number, col: number, acc: string[]): void => {
    if (out.length >= limit) return;
    const left = k - acc.length;
    if (left === 1) {
      const cell = token.slice(start);
      if ((signed.has(col) && start === 0 ? SIGNED_CELL : CELL).test(cell)) out.push([...acc, cell]);
      return;
    }
    for (let end = start + 1; end <= token.length - (left - 1); end++) {
      const cell = token.slice(start, end);
      if (!(signed.has(col) && start === 0 ? SIGNED_CELL : CELL).test(cell)) continue;
      walk(end, col + 1, [...acc, cell]);
    }
  };
  walk(0, from, []);
  return out;
}

/** Every split of a run into its width, up to the limit (null when the limit was reached). */
function candidatesOf(run: DigitRun): Candidate[] | null {
  const signed = run.signedColumns ?? new Set<number>();
  const out: Candidate[] = [];
  let overflow = false;
  const walk = (t: number, col: number, acc: string[]): void => {
    if (overflow) return;
    if (t === run.tokens.length) {
      if (col === run.width) out.push({ cells: acc, values: acc.map(valueOf) });
      return;
    }
    const token = run.tokens[t]!;
    const tokensLeft = run.tokens.length - t - 1;
    for (let k = 1; k <= Math.min(token.length, run.width - col - tokensLeft); k++) {
      for (const cut of cutsOf(token, k, col, signed, MAX_CANDIDATES_PER_RUN)) {
        walk(t + 1, col + k, [...acc, ...cut]);
        if (out.length > MAX_CANDIDATES_PER_RUN) {
          overflow = true;
          return;
        }
      }
    }
  };
  walk(0, 0, []);
  return overflow ? null : out;
}

function sumOf(refs: readonly CellRef[], chosen: ReadonlyMap<string, Candidate>): number {
  return refs.reduce((a, r) => a + (chosen.get(r.run)!.values[r.col] ?? Number.NaN), 0);
}

function holds(eq: Equation, chosen: ReadonlyMap<string, Candidate>): boolean {
  return Math.abs(sumOf(eq.left, chosen) - sumOf(eq.right, chosen)) <= TOLERANCE;
}

function runsOf(eq: Equation): Set<string> {
  return new Set([...eq.left, ...eq.right].map((r) => r.run));
}

/** The candidates each run keeps in some solution across runs; null when the search ran out of steps. */
function searchAcross(ids: readonly string[], local: ReadonlyMap<string, Candidate[]>, equations: readonly Equation[]): Map<string, Set<number>> | null {
  const order = [...ids].sort((a, b) => local.get(a)!.length - local.get(b)!.length || (a < b ? -1 : 1));
  const position = new Map(order.map((id, i) => [id, i]));
  // Each equation is checked when the last of its runs (in search order) is chosen.
  const checkAt: Equation[][] = order.map(() => []);
  for (const eq of equations) {
    const last = Math.max(...[...runsOf(eq)].map((r) => position.get(r)!));
    checkAt[last]!.push(eq);
  }
  const seen = new Map(order.map((id) => [id, new Set<number>()]));
  const chosen = new Map<string, Candidate>();
  const picks: number[] = [];
  let steps = 0;
  const walk = (i: number): boolean => {
    if (i === order.length) {
      order.forEach((id, k) => seen.get(id)!.add(picks[k]!));
      return true;
    }
    const id = order[i]!;
    const cands = local.get(id)!;
    for (let c = 0; c < cands.length; c++) {
      if (++steps > MAX_SEARCH_STEPS) return false;
      chosen.set(id, cands[c]!);
      picks[i] = c;
      if (checkAt[i]!.every((eq) => holds(eq, chosen)) && !walk(i + 1)) return false;
    }
    chosen.delete(id);
    return true;
  };
  return walk(0) ? seen : null;
}

/** A run's reading from the candidates left for it. */
function readingOf(run: DigitRun, left: readonly Candidate[]): RunReading {
  if (left.length === 0) return { kind: 'impossible' };
  if (left.length > 1) return { kind: 'ambiguous', count: left.length };
  const cells = left[0]!.cells;
  return run.tokens.length === run.width ? { kind: 'printed', cells } : { kind: 'split', cells };
}

export function splitDigitRuns(runs: readonly DigitRun[], equations: readonly Equation[]): Map<string, RunReading> {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const usable = equations.filter((eq) => [...runsOf(eq)].every((id) => byId.has(id)));
  const local = new Map<string, Candidate[]>();
  const unlisted = new Set<string>();
  for (const run of runs) {
    const all = candidatesOf(run);
    if (all === null) {
      unlisted.add(run.id);
      continue;
    }
    // A run with one split at all ("0000000" over seven cells) is read as printed, whatever its sums say.
    const own = all.length === 1 ? [] : usable.filter((eq) => runsOf(eq).size === 1 && runsOf(eq).has(run.id));
    local.set(run.id, all.filter((c) => own.every((eq) => holds(eq, new Map([[run.id, c]])))));
  }
  const out = new Map<string, RunReading>();
  for (const id of unlisted) out.set(id, { kind: 'ambiguous', count: MAX_CANDIDATES_PER_RUN });
  // Equations across runs whose runs all have candidates: an unreadable run says nothing about the others.
  const across = usable.filter((eq) => runsOf(eq).size > 1 && [...runsOf(eq)].every((id) => (local.get(id)?.length ?? 0) > 0));
  const joined = [...new Set(across.flatMap((eq) => [...runsOf(eq)]))];
  const seen = joined.length > 0 ? searchAcross(joined, local, across) : null;
  const solved = seen !== null && [...seen.values()].every((s) => s.size > 0);
  for (const [id, cands] of local) {
    const run = byId.get(id)!;
    const kept = solved && seen.has(id) ? [...seen.get(id)!].map((c) => cands[c]!) : cands;
    out.set(id, readingOf(run, kept));
  }
  return out;
}
