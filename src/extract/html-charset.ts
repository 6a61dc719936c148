/**
 * Decodes the bytes of an HTML page. A BOM decides first; bytes that are
 * valid UTF-8 are UTF-8 (GBK text is practically never valid UTF-8, while
 * saved pages often keep a stale <meta charset>); otherwise the page's own
 * <meta charset> names the encoding, and GB18030 (the superset of GBK and
 * GB2312) is the fallback. A page that declares UTF-8 but whose bytes are
 * not (Word's "save as web page" writes GBK under a UTF-8 meta) is read as
 * GB18030, and the result says so. All decoding is TextDecoder's.
 */

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset a page declares in its first bytes, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = META_CHARSET.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  // GBK and GB2312 pages routinely use GB18030-only characters; decode with the superset.
  const name = /^(gb2312|gbk|x-gbk|gb_2312-80|csgb2312|cp936|windows-936)$/.test(label) ? 'gb18030' : label;
  try {
    return new TextDecoder(name);
  } catch {
    return null;
  }
}

const UTF8_LABELS = /^(utf-?8|unicode-1-1-utf-8)$/;

export interface DecodedHtml {
  text: string;
  charset: string;
  /** Set when the declared charset is not what the bytes are. */
  mismatch?: string;
}

/**
 * Largest share of a page's non-ASCII characters that may fail to decode for a
 * page declaring UTF-8 to be UTF-8 with a few stray bytes; GBK read as UTF-8
 * fails at nearly every Chinese character.
 */
const MAX_STRAY_SHARE = 0.01;

/**
 * A page declaring UTF-8 whose bytes are not valid UTF-8: GBK under a UTF-8
 * meta (GBK text decoded as UTF-8 fails at nearly every character), unless
 * it fails so rarely that it is UTF-8 with a few stray bytes.
 */
function utf8Declared(bytes: Uint8Array, declared: string): DecodedHtml {
  const asUtf8 = new TextDecoder('utf-8').decode(bytes);
  const failures = asUtf8.split('\ufffd').length - 1;
  const nonAscii = asUtf8.replace(/[\x00-\x7f]/gu, '').length;
  if (failures <= nonAscii * MAX_STRAY_SHARE) {
    return { text: asUtf8, charset: 'utf-8', mismatch: `the page's UTF-8 holds ${failures} byte sequence(s) that are not UTF-8; they read as \ufffd` };
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  return { text, charset: 'gb18030', mismatch: `the page declares charset ${declared} but its bytes are not valid UTF-8; read as GB18030` };
}

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), charset: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    const declared = declaredCharset(bytes);
    if (declared !== null && UTF8_LABELS.test(declared)) return utf8Declared(bytes, declared);
    const decoder = decoderFor(declared) ?? new TextDecoder('gb18030');
    return { text: decoder.decode(bytes), charset: decoder.encoding };
  }
}
