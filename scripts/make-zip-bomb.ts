/**
 * Writes the zip-bomb DOCX fixtures (about 1 MB each on disk, 1 GiB once
 * inflated): a DOCX whose word/document.xml is one paragraph of a billion
 * letters, deflated.
 *
 *   test/fixtures/docx/zip-bomb.docx        declares its parts' true sizes;
 *   test/fixtures/docx/zip-bomb-lying.docx  declares 1 KB for document.xml,
 *                                           so only inflating it tells.
 *
 * Run: node --import tsx scripts/make-zip-bomb.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';

const OUT = new URL('../test/fixtures/docx/', import.meta.url).pathname;
const INFLATED = 1024 * 1024 * 1024;
const CHUNK = 1024 * 1024;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

interface Entry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
}

function small(name: string, text: string): Entry {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** document.xml: a paragraph of INFLATED letters between its head and tail, deflated as it is made. */
async function bomb(): Promise<Entry> {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>');
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const letters = Buffer.alloc(CHUNK, 'a');
  const letterCrc = (() => {
    let c = crc32(head);
    for (let i = 0; i < INFLATED / CHUNK; i++) c = crc32(letters, c);
    return crc32(tail, c);
  })();
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  deflate.write(head);
  for (let i = 0; i < INFLATED / CHUNK; i++) {
    if (!deflate.write(letters)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end(tail);
  await done;
  return { name: 'word/document.xml', deflated: Buffer.concat(parts), crc: letterCrc, size: head.length + INFLATED + tail.length };
}

/** A zip of deflated entries; `declare` gives the uncompressed size each header states. */
function zip(entries: readonly Entry[], declare: (e: Entry) => number): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.deflated.length, 18);
    h.writeUInt32LE(declare(e), 22);
    h.writeUInt16LE(name.length, 26);
    local.push(h, name, e.deflated);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.deflated.length, 20);
    c.writeUInt32LE(declare(e), 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

const entries = [
  small(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ),
  small(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ),
  await bomb(),
];
writeFileSync(join(OUT, 'zip-bomb.docx'), zip(entries, (e) => e.size));
writeFileSync(join(OUT, 'zip-bomb-lying.docx'), zip(entries, (e) => (e.name === 'word/document.xml' ? 1024 : e.size)));
console.log('zip-bomb.docx, zip-bomb-lying.docx');
