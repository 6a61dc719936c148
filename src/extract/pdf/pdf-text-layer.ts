/**
 * Whether a PDF's text layer can be read at all. A scan has no text, or
 * images on most pages and next to no text on them and little in all (a
 * typed cover page; a report's last page holding only its seal is no scan). A PDF whose embedded
 * fonts map their glyphs to no real characters (private-use code points, the
 * replacement character, control codes: what copying such a PDF shows as
 * 乱码) has text that says nothing. Both need OCR, not table rebuilding.
 */
import { NeedsOcrError } from '../../errors.ts';
import type { PageContent } from './pdf-page-content.ts';

/** A page with fewer printed characters than this carries no text layer to speak of. */
const MIN_PAGE_CHARS = 10;
/** A report's text runs to thousands of characters; a scan with a typed cover page to a few hundred. */
const SCANT_TEXT = 500;
/** More than this share of unmappable characters makes the text layer unreadable. */
const MAX_UNMAPPED_SHARE = 0.5;

const UNMAPPED = /[\p{Co}\ufffd\p{Cc}]/u;
const WHITE_SPACE = /\s/u;

/** A page's printed characters (white space left out), and how many of them map to no real character; counted, not collected. */
function characterCounts(page: PageContent): { printed: number; unmapped: number } {
  let printed = 0;
  let unmapped = 0;
  for (const piece of page.pieces) {
    for (const ch of piece.text) {
      if (WHITE_SPACE.test(ch)) continue;
      printed++;
      if (UNMAPPED.test(ch)) unmapped++;
    }
  }
  return { printed, unmapped };
}

export function checkTextLayer(pages: readonly PageContent[], file: string): void {
  const counts = pages.map(characterCounts);
  const total = counts.reduce((s, c) => s + c.printed, 0);
  const n = `${pages.length} page${pages.length === 1 ? '' : 's'}`;
  if (total === 0) {
    const what = pages.some((p) => p.images > 0) ? `${n} of scanned images` : `${n}, no text and no images: text drawn as outlines?`;
    throw new NeedsOcrError(file, `PDF has no text layer (${what}); it needs OCR`);
  }
  const imageOnly = pages.filter((p, i) => counts[i]!.printed < MIN_PAGE_CHARS && p.images > 0).length;
  if (imageOnly > 0 && imageOnly >= pages.length / 2 && total < SCANT_TEXT) {
    throw new NeedsOcrError(file, `PDF has no text layer on ${imageOnly} of ${pages.length} pages (scanned images); it needs OCR`);
  }
  const unmapped = counts.reduce((s, c) => s + c.unmapped, 0);
  if (unmapped > MAX_UNMAPPED_SHARE * total) {
    throw new NeedsOcrError(file, `PDF text layer is unreadable (${unmapped} of ${total} characters map to no real character: fonts without a Unicode map); it needs OCR`);
  }
}
