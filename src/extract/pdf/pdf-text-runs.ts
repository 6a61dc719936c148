/**
 * Glyphs joined into runs of text, the way pdfjs's text content joins them
 * (the rules the layout was tuned on, kept so records stay as they were): a
 * run goes on while each glyph follows the last one on its baseline; a gap
 * of a tenth to six tenths of the font size becomes a space inside the run;
 * a wider gap, a step back, a move off the line or a change of font or size
 * ends it. White space glyphs only advance (and may mark a word break);
 * glyphs whose origin is off the visible page are dropped. A gap beside a
 * CJK character is no word space (as pdf-geometry.ts's joinWords has it):
 * the run goes on without one.
 *
 * Lengths are compared in text space (the font size `Tf` is the unit), as
 * pdfjs does, so the tolerances below are fractions of `Tf`.
 */
import { isCjk } from './pdf-geometry.ts';
import type { Glyph } from './pdf-glyphs.ts';

/** A run of text: its string, the text transform at its first glyph, its advance on the page. */
export interface TextRun {
  str: string;
  /** [a b c d e f]: text matrix × CTM with the font size applied; e, f the first glyph's origin. */
  transform: [number, number, number, number, number, number];
  /** Advance width on the page. */
  width: number;
}

/** A glyph this far past the last one's end (× Tf) or less is tracking, not a space. */
const TRACKING_SPACE = 0.102;
/** Less than this (× Tf) is no gap at all: it forgets a pending word break. */
const NOT_A_SPACE = 0.03;
/** A glyph further back than this (× Tf) starts a new run. */
const NEGATIVE_SPACE = -0.2;
/** A gap between these (× Tf) is a space within the run; wider ends the run. */
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
/** A baseline shift of more than this share of the run's height ends the run. */
const VERTICAL_SHIFT = 0.25;

interface Run {
  chars: string[];
  font: string;
  transform: TextRun['transform'];
  /** Height on the page (the font size through the matrix). */
  height: number;
  /** Advance in text space. */
  width: number;
  /** Text-space to page scale along the baseline. */
  scale: number;
  fontSize: number;
}

type Box = readonly [number, number, number, number];

/**
 * The state machine that builds one page's runs: the run being built, where
 * the last drawn glyph ended, the metrics of the last run, and the last two
 * characters seen (to tell a word break the PDF drew as a space glyph).
 */
class RunBuilder {
  readonly out: TextRun[] = [];
  private run: Run | null = null;
  private prevEnd: [number, number] | null = null;
  private last = { height: 0, width: 0, scale: 1, fontSize: 0 };
  private twoLast: [string, string] = [' ', ' '];
  private pos = 0;

  constructor(private readonly viewBox: Box) {}

  private resetLastChars(): void {
    this.twoLast = [' ', ' '];
    this.pos = 0;
  }

  /** Remembers a character; true when a word break (a space glyph) came just before it. */
  private saveLastChar(ch: string): boolean {
    const next = (this.pos + 1) % 2;
    const ret = this.twoLast[this.pos] !== ' ' && this.twoLast[next] === ' ';
    this.twoLast[this.pos] = ch;
    this.pos = next;
    return ret;
  }

  private shouldAddWhitespace(): boolean {
    return this.twoLast[this.pos] !== ' ' && this.twoLast[(this.pos + 1) % 2] === ' ';
  }

  flush(): void {
    const run = this.run;
    if (run && run.chars.length > 0) {
      this.out.push({ str: normalize(run.chars.join('')), transform: run.transform, width: Math.abs(run.width * run.scale) });
    }
    if (run) this.last = { height: run.height, width: run.width, scale: run.scale, fontSize: run.fontSize };
    this.run = null;
  }

  /** A space glyph: it only advances, and may mark a word break. */
  space(): void {
    this.saveLastChar(' ');
  }

  endsRunOnFont(font: string): void {
    if (this.run && this.run.font !== font) this.flush();
  }

  private onPage(g: Glyph, [, , , , x, y]: TextRun['transform']): boolean {
    const v = this.viewBox;
    return !(x + g.advance * Math.hypot(g.m[0], g.m[1]) < v[0] || x > v[2] || y < v[1] || y > v[3]);
  }

  /** Ends the run or adds a space to it, as the gap from the last glyph says. */
  private follow(g: Glyph, transform: TextRun['transform']): void {
    if (!this.prevEnd) return;
    const run = this.run;
    const cur = run ?? this.last;
    const tf = run?.fontSize ?? this.last.fontSize;
    const [px, py] = unrotate(this.prevEnd, transform);
    const [qx, qy] = unrotate([transform[4], transform[5]], transform);
    if (px === qx && py === qy) return;
    const advanceX = (qx - px) / (cur.scale || 1);
    const advanceY = qy - py;
    const orientation = Math.sign(cur.width) || 0;
    const newRun = () => {
      this.resetLastChars();
      this.flush();
    };
    // A step back, or off the line: a new run.
    if (advanceX < orientation * NEGATIVE_SPACE * tf || Math.abs(advanceY) > cur.height) return newRun();
    if (advanceX <= orientation * NOT_A_SPACE * tf) this.resetLastChars();
    if (advanceX <= orientation * TRACKING_SPACE * tf) {
      if (this.shouldAddWhitespace()) newRun();
      else if (run) run.width += advanceX;
    } else if (orientation * SPACE_IN_FLOW_MIN * tf <= advanceX && advanceX <= orientation * SPACE_IN_FLOW_MAX * tf) {
      if (run) {
        this.resetLastChars();
        if (!isCjk(run.chars[run.chars.length - 1]) && !isCjk(g.text)) run.chars.push(' ');
        run.width += advanceX;
      }
    } else {
      newRun();
    }
    if (Math.abs(advanceY) > cur.height * VERTICAL_SHIFT) this.flush();
  }

  /** A drawn (not white space) horizontal glyph. */
  glyph(g: Glyph): void {
    const [a, b, c, d] = g.m;
    const transform: TextRun['transform'] = [a * g.fontSize, b * g.fontSize, c * g.fontSize, d * g.fontSize, g.x, g.y];
    if (!this.onPage(g, transform)) return;
    this.follow(g, transform);
    const r: Run = this.run ?? { chars: [], font: g.font, transform, height: Math.hypot(transform[2], transform[3]), width: 0, scale: Math.hypot(a, b) || 1, fontSize: g.fontSize };
    this.run = r;
    r.width += g.advance;
    if (g.advance) this.prevEnd = [g.x + a * g.advance, g.y + b * g.advance];
    if (this.saveLastChar(g.text)) r.chars.push(' ');
    r.chars.push(g.text);
  }
}

/** Builds the runs of one page from its glyphs in drawing order (vertical glyphs end a run and are left to pdf-vertical-runs.ts). */
export function textRuns(glyphs: readonly Glyph[], viewBox: Box): TextRun[] {
  const builder = new RunBuilder(viewBox);
  for (const g of glyphs) {
    if (g.vertical) {
      builder.flush();
      continue;
    }
    builder.endsRunOnFont(g.font);
    if (g.whitespace) builder.space();
    else builder.glyph(g);
  }
  builder.flush();
  return builder.out;
}

/** A point in the text's own axes (pdfjs compares positions with the text's rotation undone). */
function unrotate([x, y]: readonly [number, number], t: TextRun['transform']): [number, number] {
  const [a, b, c, d] = t;
  if (a && b === 0 && c === 0) return a > 0 ? [x, y] : [-x, -y];
  if (b && a === 0 && d === 0) return b > 0 ? [y, x] : [-y, -x];
  const s = Math.hypot(a, b) || 1;
  return [(a * x + b * y) / s, (c * x + d * y) / s];
}

/** Compatibility characters pdfjs folds (ligatures, presentation forms, odd spaces), folded the same way. */
const NORMALIZE = /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;

function normalize(s: string): string {
  return s.replace(NORMALIZE, (_, p1: string | undefined, p2: string | undefined) => (p1 ? p1.normalize('NFKC') : 'ſt'.repeat((p2 ?? '').length)));
}
