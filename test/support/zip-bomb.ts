/**
 * DOCX zip bombs for the hostile-input tests: a package whose `word/document.xml` inflates to
 * `inflatedMb` MiB of spaces inside one paragraph, deflated in 1 MiB chunks so the test itself
 * never holds the inflated bytes. `declare: 'honest'` writes the true sizes in the headers (the
 * usual bomb), `'lying'` claims 1 KiB.
 */
import zlib from 'node:zlib';

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

function deflated(name: string, text: string): Entry {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
}

function bombEntry(inflatedMb: number): Entry {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>',
  );
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const parts: Buffer[] = [];
  // One deflate stream, written a chunk at a time.
  const stream = zlib.createDeflateRaw({ level: 1 });
  let crc = zlib.crc32(head);
  const write = (b: Buffer) => {
    stream.write(b);
    crc = zlib.crc32(b, crc);
  };
  stream.on('data', (d: Buffer) => parts.push(d));
  write(head);
  for (let i = 0; i < inflatedMb; i++) write(chunk);
  write(tail);
  return {
    name: 'word/document.xml',
    data: Buffer.alloc(0),
    crc,
    size: head.length + tail.length + inflatedMb * chunk.length,
    ...{
      pending: new Promise<Buffer>((resolve) => stream.end(() => resolve(Buffer.concat(parts)))),
    },
  } as Entry & { pending: Promise<Buffer> };
}

/** Builds the bomb (see the module comment). */
export async function docxZipBomb(
  inflatedMb: number,
  declare: 'honest' | 'lying' = 'honest',
): Promise<Uint8Array> {
  const bomb = bombEntry(inflatedMb) as Entry & { pending: Promise<Buffer> };
  bomb.data = await bomb.pending;
  const entries: Entry[] = [
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    deflated(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    bomb,
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = declare === 'lying' && e === bomb ? 1024 : e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, eocd]));
}
