/**
 * Generated reports for the benches, none a copy of another, as in a night
 * where every report comes from its own agency: report i is a labelled corpus
 * record with its own agency name and one number of its own (applications,
 * new_received), printed by one of the given test/render formats (the
 * formats take turns, one round of labels each).
 */
import { RENDERERS, loadLabels, mutateLabel } from '../../test/render/index.ts';
import type { Label } from '../../test/support/label.ts';

export interface GeneratedReport {
  /** The file extension, with its dot. */
  ext: string;
  bytes: string | Buffer;
}

let labels: Label[] | undefined;
/** The labels that print applications.new_received, the cell made each report's own. */
const benchLabels = (): Label[] => (labels ??= loadLabels().map((l) => l.label).filter((l) => l.applications?.new_received));

export async function distinctReport(i: number, formats: readonly string[]): Promise<GeneratedReport> {
  const all = benchLabels();
  const label = all[i % all.length] as Label;
  const name = formats[Math.floor(i / all.length) % formats.length];
  const renderer = RENDERERS.find((r) => r.name === name);
  if (!renderer) throw new Error(`no renderer named ${name}`);
  const own = { ...mutateLabel(label, 'applications', 'new_received', 0, 1000 + i), agency: `${label.agency.replace(/人民政府$/u, '')}第${i}办公室` };
  return { ext: renderer.ext, bytes: await renderer.render(own) };
}
