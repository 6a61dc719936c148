/**
 * A labelled report printed by one of the renderers (test/render), optionally
 * edited as text (a real row with one cell taken out, a header word changed),
 * written to a scratch folder and read back through the whole extract and
 * transform. For tests that pin what one small change of a real report does.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractRecord } from '../../pipeline/extract-record.ts';
import type { ReportRecord } from '../../src/transform/record.ts';
import { RENDERERS, loadLabels } from '../render/index.ts';
import type { Label } from './label.ts';

export function labelNamed(name: string): Label {
  const found = loadLabels().find((l) => l.name === name);
  if (!found) throw new Error(`no label ${name} in test/fixtures/corpus/labels`);
  return found.label;
}

export async function renderText(label: Label, renderer: string): Promise<string> {
  const r = RENDERERS.find((x) => x.name === renderer);
  if (!r) throw new Error(`no renderer ${renderer}`);
  const out = await r.render(label);
  if (typeof out !== 'string') throw new Error(`renderer ${renderer} prints bytes, not text`);
  return out;
}

/** Replaces exactly one occurrence of `from` (throws when there is none or several, so an edit never misses silently). */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" is not printed exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export async function recordOf(dir: string, fileName: string, content: string | Buffer): Promise<ReportRecord> {
  const file = join(dir, fileName);
  await writeFile(file, content);
  return extractRecord(file);
}
