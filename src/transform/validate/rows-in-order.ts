/**
 * The order rules walk a section's rows in, so issues come out in the same
 * order whatever order the report printed its rows in. Pure.
 */

/** Rows present, in template order, then any row the template does not know, in the order given. */
export function rowsInOrder(rows: Readonly<Record<string, unknown>>, template: readonly string[]): string[] {
  const present = Object.keys(rows);
  return [...template.filter((r) => present.includes(r)), ...present.filter((r) => !template.includes(r))];
}
