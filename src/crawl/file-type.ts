/**
 * What kind of file a download is, as a file extension (the pipeline picks
 * its extractor by extension): from the Content-Disposition file name, then
 * the Content-Type, then the first bytes. Null when none of them says.
 */

/** Extensions of the attachments agencies publish their reports as. */
export const ATTACHMENT_EXTENSIONS: readonly string[] = ['.pdf', '.doc', '.docx', '.wps', '.xls', '.xlsx', '.et', '.ofd', '.txt'];

const BY_CONTENT_TYPE: Readonly<Record<string, string>> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'application/pdf': '.pdf',
  'application/x-pdf': '.pdf',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/kswps': '.wps',
  'application/vnd.ms-works': '.wps',
  'application/wps-office.wps': '.wps',
  'application/ofd': '.ofd',
  'text/plain': '.txt',
};

/** Extensions that mean the same kind of file as the key. */
const SAME_KIND: Readonly<Record<string, readonly string[]>> = {
  '.html': ['.html', '.htm'],
};

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The extension of a file name, lower case with the dot ('' when none). */
export function extensionOf(name: string): string {
  const m = /(\.[a-z0-9]{1,5})$/i.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** The file name a Content-Disposition header gives (RFC 6266: filename* first). */
export function dispositionFileName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*([\w-]+)''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[2]!.trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain ? (plain[2] ?? plain[1]!).trim() : undefined;
  if (!name) return undefined;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** HTML by its first bytes (after a BOM and white space): "<!doctype html", "<html", "<head" or "<body". */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').trimStart().toLowerCase();
  return /^<(!doctype html|html|head|body|!--)/.test(head);
}

function sniff(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return '.pdf';
  if (looksLikeHtml(bytes)) return '.html';
  return null;
}

/** The extension the download's headers or bytes name, or null. */
export function detectedExtension(headers: { contentType?: string; contentDisposition?: string }, bytes: Uint8Array): string | null {
  const fromName = extensionOf(dispositionFileName(headers.contentDisposition) ?? '');
  if (fromName) return fromName;
  return BY_CONTENT_TYPE[mediaType(headers.contentType)] ?? sniff(bytes);
}

/** Whether a file named `name` already carries extension `ext` (or one of the same kind). */
export function hasExtension(name: string, ext: string): boolean {
  return (SAME_KIND[ext] ?? [ext]).includes(extensionOf(name));
}

/** Whether the headers or bytes say HTML. */
export function isHtml(headers: { contentType?: string }, bytes: Uint8Array): boolean {
  const type = mediaType(headers.contentType);
  return type === 'text/html' || type === 'application/xhtml+xml' || ((type === '' || type === 'application/octet-stream') && looksLikeHtml(bytes));
}
