/**
 * NBS grouping rows: entries of the division list that are not places and
 * have no government of their own ("市辖区" under a municipality,
 * 省直辖县级行政区划). The gazetteer never matches a name against them and
 * the warehouse leaves them out of coverage counts.
 */
const GROUPING = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

export function isGroupingRow(name: string): boolean {
  return GROUPING.test(name);
}
