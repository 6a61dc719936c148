/**
 * A row of section 三 that a text dump printed one value short: seed 000's
 * rows （一）…（五）2 print six numbers and an empty cell where the page shows
 * a seventh. Which column lost its value is not printed, so the lost cell
 * may be any of the seven; for each place, the row's own arithmetic (the six
 * applicant columns add up to 总计) fixes its value. The row is filled in
 * only when every place that gives a value of 0 or more gives the same row
 * (a row of zeros whose 总计 is 0: every cell must be 0); otherwise nothing
 * is placed. Pure.
 */

/** Every row the arithmetic allows: the printed numbers in order, the lost cell at each place in turn. */
export function lostCellPlacements(printed: readonly number[]): Array<{ at: number; row: number[] }> {
  const width = printed.length + 1;
  const out: Array<{ at: number; row: number[] }> = [];
  for (let at = 0; at < width; at++) {
    const others = [...printed];
    const total = at === width - 1 ? null : (others[others.length - 1] ?? 0);
    const parts = at === width - 1 ? others : others.slice(0, -1);
    const sumParts = parts.reduce((a, b) => a + b, 0);
    const value = total === null ? sumParts : total - sumParts;
    if (value < 0) continue;
    out.push({ at, row: [...printed.slice(0, at), value, ...printed.slice(at)] });
  }
  return out;
}

/** The row every allowed placement gives, with the first place it can be at; null when they differ or none is allowed. */
export function inferLostCell(printed: readonly number[]): { at: number; row: number[] } | null {
  const placements = lostCellPlacements(printed);
  const first = placements[0];
  if (!first) return null;
  const same = placements.every((p) => p.row.every((v, i) => v === first.row[i]));
  return same ? first : null;
}
