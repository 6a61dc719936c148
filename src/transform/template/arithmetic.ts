/**
 * The template's arithmetic as equations over table cells, from
 * template.json: in section 三 every row's applicant columns sum to its 总计
 * column, every column satisfies the identity template.json states
 * (new_received + carried_over = total_handled + carried_forward), and the
 * outcome rows （一）…（六） sum to （七）总计; in section 四 every
 * proceeding's outcomes sum to its 总计. Section 二 has none. Used to split
 * cells printed with nothing between them (split-digit-runs.ts); the
 * validation rules check the same arithmetic on what was read.
 */
import type { Equation } from '../split-digit-runs.ts';
import { outcomeRows } from '../validate/applications-outcomes.ts';
import spec from './template.json' with { type: 'json' };
import { APPLICANT_COLUMNS, OUTCOMES } from './template.ts';

const TOTAL = 'total';

/** "a + b = c + d (…)" -> [[a, b], [c, d]]. */
function identitySides(text: string): [string[], string[]] {
  const [left = '', right = ''] = text.replace(/\(.*$/u, '').split('=');
  const terms = (side: string) => side.split('+').map((t) => t.trim()).filter((t) => t !== '');
  return [terms(left), terms(right)];
}

/** Row codes of the section 三 identity, left and right of the equals sign. */
export const APPLICATIONS_IDENTITY: readonly [readonly string[], readonly string[]] = identitySides(spec.applications.identity);

function rowSum(run: string, columns: readonly string[]): Equation {
  const total = columns.indexOf(TOTAL);
  return { left: columns.flatMap((c, col) => (col === total ? [] : [{ run, col }])), right: [{ run, col: total }] };
}

/** Section 三's equations over the rows printed (ids are row codes). */
export function applicationsEquations(rows: ReadonlySet<string>): Equation[] {
  const equations: Equation[] = [...rows].map((row) => rowSum(row, APPLICANT_COLUMNS));
  const [left, right] = APPLICATIONS_IDENTITY;
  const printed = Object.fromEntries([...rows].map((r) => [r, true]));
  const outcomes = outcomeRows(printed).filter((r) => rows.has(r));
  APPLICANT_COLUMNS.forEach((_, col) => {
    if ([...left, ...right].every((r) => rows.has(r))) {
      equations.push({ left: left.map((run) => ({ run, col })), right: right.map((run) => ({ run, col })) });
    }
    if (rows.has('total_handled') && outcomes.length === outcomeRows(printed).length) {
      equations.push({ left: outcomes.map((run) => ({ run, col })), right: [{ run: 'total_handled', col }] });
    }
  });
  return equations;
}

/** Section 四's equations for one run printing `count` proceedings side by side, each in the template's outcome columns. */
export function reviewLitigationEquations(run: string, count: number): Equation[] {
  const total = OUTCOMES.indexOf(TOTAL);
  return Array.from({ length: count }, (_, p) => {
    const at = (col: number) => ({ run, col: p * OUTCOMES.length + col });
    return { left: OUTCOMES.flatMap((_, col) => (col === total ? [] : [at(col)])), right: [at(total)] };
  });
}
