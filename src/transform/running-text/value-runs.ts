/**
 * A table printed as running text is words and runs of numbers in turn:
 * "一、本年新收政府信息公开申请数量 713000074二、上年结转…". This cuts such
 * text into its text pieces and its runs. A run's pieces are what spaces
 * separate ("230 000023" is "230" and "000023"); a sign opens a piece of its
 * own ("35-15" is "35" and "-15"). A digit followed by "." and a word is the
 * numbering of the next label ("00000002.其他法律…" ends the run at
 * "0000000"), not part of the run. Pure.
 */

export interface Segment {
  kind: 'text' | 'run';
  text: string;
}

/** The template numbers sub-rows 1. to 8.: a numbering glued to a run is its last digit. */
const NUMBERING_DIGITS = 1;

/** Runs of counts (sections 三 and 四). */
export const COUNT_RUN = /\d[\d \u00a0\u3000]*/gu;
/** Runs of section 二: signed changes, decimals, a unit or count word after a number. */
export const AMOUNT_RUN = /(?:[+\-−]?\d[\d.]*(?:万元|元|笔|件|个|项|次|条)?[ \u00a0\u3000]*)+/gu;

/** `text` as text pieces and runs, in order; a run's numbering digits go to the text after it. */
export function segmentsOf(text: string, run: RegExp): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  const pushText = (t: string): void => {
    if (t === '') return;
    const prev = out[out.length - 1];
    if (prev?.kind === 'text') out[out.length - 1] = { kind: 'text', text: prev.text + t };
    else out.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(new RegExp(run.source, run.flags))) {
    const at = m.index ?? 0;
    let found = m[0];
    pushText(text.slice(last, at));
    let end = at + found.length;
    // "…00000002.其他法律…": the 2 numbers the label after it.
    if (/^[.．、]\D/u.test(text.slice(end)) && /\d$/u.test(found)) {
      found = found.slice(0, -NUMBERING_DIGITS);
      end -= NUMBERING_DIGITS;
    }
    const trimmed = found.trim();
    if (trimmed !== '') out.push({ kind: 'run', text: trimmed });
    else pushText(found);
    last = end;
  }
  pushText(text.slice(last));
  return out.map((s): Segment => (s.kind === 'text' ? { kind: 'text', text: s.text.trim() } : s)).filter((s) => s.text !== '');
}

/** A run's pieces: what spaces separate, a sign opening a piece of its own. */
export function piecesOf(run: string): string[] {
  return run
    .split(/[ \u00a0\u3000]+/u)
    .flatMap((p) => p.split(/(?=[+\-−])/u))
    .filter((p) => p !== '');
}
