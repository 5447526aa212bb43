/**
 * Hostile and malformed inputs from a seeded generator (fast-check's `sample`, so one seed gives
 * the same inputs on every machine): byte flips, truncations and splices of the seed contracts
 * in every format, mutations inside a DOCX's XML, zip bombs, XML entity expansion, deep
 * nesting, 10 MB lines, huge numbering, odd encodings, PDFs with very many pages, and special
 * files (FIFO, device, folder, dangling and looping symlinks). Run by `fuzz-run.ts` through the
 * command line's import path.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { SEED_NAMES, SEEDS_DIR, seedPath } from './seeds';
import { docxZipBomb } from './zip-bomb';
import { minimalDocx } from './docx';

/** One generated input: bytes to write under `fileName`, or a special file to make there. */
export interface FuzzInput {
  /** What was done, to name a failure (`flip 12 bytes of 003.pdf`). */
  name: string;
  fileName: string;
  bytes?: Uint8Array;
  special?: 'fifo' | 'dev-zero' | 'folder' | 'dangling-link' | 'link-loop';
}

type Format = 'pdf' | 'docx' | 'txt' | 'ofd';

/** How big the expensive inputs get: `quick` for `npm test`, `full` for `npm run fuzz`. */
export type FuzzScale = 'quick' | 'full';

const SEEDS = SEED_NAMES.filter((n) => !n.includes('scanned'));

/** The ofdrw samples (`../shared/fixtures/ofd`): the seeds of OFD inputs, as there is no seed OFD. */
const OFD_DIR = path.resolve(SEEDS_DIR, '../ofd');
const OFD_SAMPLES = fs.existsSync(OFD_DIR)
  ? fs
      .readdirSync(OFD_DIR)
      .filter((f) => f.endsWith('.ofd'))
      .sort()
  : [];

function seedBytes(name: string, format: Format): Uint8Array {
  if (format === 'ofd') {
    // Each seed stands for one of the samples.
    const sample = OFD_SAMPLES[SEEDS.indexOf(name) % OFD_SAMPLES.length];
    return new Uint8Array(fs.readFileSync(path.join(OFD_DIR, sample)));
  }
  return new Uint8Array(fs.readFileSync(seedPath(name, format)));
}

/** Descriptions of inputs, drawn by fast-check; `build` turns one into bytes. */
type Plan =
  | { kind: 'flip'; seed: string; format: Format; at: number[]; xor: number[] }
  | { kind: 'truncate'; seed: string; format: Format; at: number }
  | {
      kind: 'splice';
      seed: string;
      format: Format;
      other: string;
      at: number;
      from: number;
      length: number;
    }
  | {
      kind: 'docx-xml';
      seed: string;
      part: string;
      edit: 'cut' | 'flip' | 'tags' | 'drop';
      at: number;
      n: number;
    }
  | { kind: 'zip-bomb'; mb: number; declare: 'honest' | 'lying' }
  | { kind: 'entities'; depth: number }
  | { kind: 'nesting'; format: Format; depth: number }
  | { kind: 'long-line'; mb: number; unit: string }
  | { kind: 'numbering'; lines: number; style: 'count' | 'deep' | 'same' }
  | { kind: 'encoding'; seed: string; encoding: Encoding }
  | { kind: 'pdf-pages'; pages: number }
  | { kind: 'special'; special: NonNullable<FuzzInput['special']> };

type Encoding =
  | 'utf16le'
  | 'utf16be'
  | 'utf16le-bom'
  | 'utf16be-bom'
  | 'utf8-bom'
  | 'bad-utf8'
  | 'latin1'
  | 'utf32'
  | 'nul-laced';

const formats = fc.constantFrom<Format>(
  'pdf',
  'docx',
  'txt',
  ...(OFD_SAMPLES.length ? (['ofd'] as const) : []),
);
const seeds = fc.constantFrom(...SEEDS);
/**
 * A place in a file, uniform over [0, 1). Not `fc.double`, which is uniform over the doubles
 * (nearly all of them tiny), and without `noBias` fast-check favours edge values: most flips
 * would hit the first byte and most cuts leave an empty file.
 */
const unit = fc.noBias(fc.integer({ min: 0, max: 2 ** 30 - 1 })).map((n) => n / 2 ** 30);

function plans(scale: FuzzScale): fc.Arbitrary<Plan> {
  const big = scale === 'full';
  return fc.oneof(
    {
      weight: 30,
      arbitrary: fc.record({
        kind: fc.constant('flip' as const),
        seed: seeds,
        format: formats,
        at: fc.array(unit, { minLength: 1, maxLength: 64 }),
        xor: fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 1, maxLength: 64 }),
      }),
    },
    {
      weight: 15,
      arbitrary: fc.record({
        kind: fc.constant('truncate' as const),
        seed: seeds,
        format: formats,
        at: unit,
      }),
    },
    {
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant('splice' as const),
        seed: seeds,
        format: formats,
        other: seeds,
        at: unit,
        from: unit,
        length: fc.integer({ min: 1, max: 65536 }),
      }),
    },
    {
      weight: 15,
      arbitrary: fc.record({
        kind: fc.constant('docx-xml' as const),
        seed: seeds,
        part: fc.constantFrom(
          'word/document.xml',
          'word/numbering.xml',
          'word/styles.xml',
          '[Content_Types].xml',
          'word/_rels/document.xml.rels',
        ),
        edit: fc.constantFrom('cut' as const, 'flip' as const, 'tags' as const, 'drop' as const),
        at: unit,
        n: fc.integer({ min: 1, max: 2000 }),
      }),
    },
    {
      weight: big ? 3 : 1,
      arbitrary: fc.record({
        kind: fc.constant('zip-bomb' as const),
        mb: fc.integer({ min: 300, max: big ? 2000 : 400 }),
        declare: big
          ? fc.constantFrom('honest' as const, 'lying' as const)
          : fc.constant('honest' as const),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('entities' as const),
        depth: fc.integer({ min: 3, max: 12 }),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('nesting' as const),
        format: formats,
        depth: fc.integer({ min: 1000, max: big ? 200_000 : 50_000 }),
      }),
    },
    {
      weight: big ? 4 : 2,
      arbitrary: fc.record({
        kind: fc.constant('long-line' as const),
        mb: big ? fc.integer({ min: 1, max: 10 }) : fc.constant(1),
        unit: fc.constantFrom(
          ' ',
          '1',
          '违约金',
          '第',
          '**a ',
          '【',
          '_',
          '0.5%',
          '壹佰万元',
          '\u3000',
          'a',
        ),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('numbering' as const),
        lines: fc.integer({ min: 1000, max: big ? 200_000 : 30_000 }),
        style: fc.constantFrom('count' as const, 'deep' as const, 'same' as const),
      }),
    },
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('encoding' as const),
        seed: seeds,
        encoding: fc.constantFrom<Encoding>(
          'utf16le',
          'utf16be',
          'utf16le-bom',
          'utf16be-bom',
          'utf8-bom',
          'bad-utf8',
          'latin1',
          'utf32',
          'nul-laced',
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('pdf-pages' as const),
        pages: fc.integer({ min: 100, max: big ? 20_000 : 6_000 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('special' as const),
        special: fc.constantFrom<NonNullable<FuzzInput['special']>>(
          'fifo',
          'dev-zero',
          'folder',
          'dangling-link',
          'link-loop',
        ),
      }),
    },
  );
}

/**
 * `count` inputs from `seed` (the same ones every run), each built when it is asked for, so
 * that a run holds one input's bytes at a time.
 */
export async function* fuzzInputs(
  seed: number,
  count: number,
  scale: FuzzScale,
): AsyncGenerator<FuzzInput> {
  const drawn = fc.sample(plans(scale), { seed, numRuns: count });
  for (const [i, plan] of drawn.entries()) yield await build(plan, i);
}

const short = (seed: string) => seed.slice(0, 3);
const pick = (bytes: Uint8Array, at: number) => Math.floor(at * bytes.length);

async function build(plan: Plan, i: number): Promise<FuzzInput> {
  const n = String(i).padStart(4, '0');
  switch (plan.kind) {
    case 'flip': {
      const bytes = seedBytes(plan.seed, plan.format).slice();
      plan.at.forEach((at, k) => (bytes[pick(bytes, at)] ^= plan.xor[k % plan.xor.length]));
      return {
        name: `flip ${plan.at.length} bytes of ${short(plan.seed)}.${plan.format}`,
        fileName: `${n}.${plan.format}`,
        bytes,
      };
    }
    case 'truncate': {
      const bytes = seedBytes(plan.seed, plan.format);
      return {
        name: `${short(plan.seed)}.${plan.format} cut at ${pick(bytes, plan.at)}`,
        fileName: `${n}.${plan.format}`,
        bytes: bytes.slice(0, pick(bytes, plan.at)),
      };
    }
    case 'splice': {
      const bytes = seedBytes(plan.seed, plan.format);
      const other = seedBytes(plan.other, plan.format);
      const from = pick(other, plan.from);
      const piece = other.slice(from, from + plan.length);
      const at = pick(bytes, plan.at);
      return {
        name: `${short(plan.seed)}.${plan.format} with ${piece.length} bytes of ${short(plan.other)} at ${at}`,
        fileName: `${n}.${plan.format}`,
        bytes: concat(bytes.slice(0, at), piece, bytes.slice(at + piece.length)),
      };
    }
    case 'docx-xml': {
      const zip = await JSZip.loadAsync(seedBytes(plan.seed, 'docx'));
      const part = zip.file(plan.part);
      if (part) {
        let xml = await part.async('string');
        const at = Math.floor(plan.at * xml.length);
        if (plan.edit === 'cut') xml = xml.slice(0, at);
        else if (plan.edit === 'flip')
          xml =
            xml.slice(0, at) +
            '<>&"\'/'.repeat(Math.ceil(plan.n / 6)).slice(0, plan.n) +
            xml.slice(at + plan.n);
        else if (plan.edit === 'tags')
          xml = xml.slice(0, at) + '<w:p><w:r><w:t>'.repeat(plan.n) + xml.slice(at);
        if (plan.edit === 'drop') zip.remove(plan.part);
        else zip.file(plan.part, xml);
      }
      return {
        name: `${short(plan.seed)}.docx ${plan.edit} ${plan.part}`,
        fileName: `${n}.docx`,
        bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
      };
    }
    case 'zip-bomb':
      return {
        name: `zip bomb of ${plan.mb} MiB (${plan.declare})`,
        fileName: `${n}.docx`,
        bytes: await docxZipBomb(plan.mb, plan.declare),
      };
    case 'entities': {
      // The "billion laughs": each entity ten of the one before, `depth` levels deep.
      const defs = ['<!ENTITY e0 "违约金">'];
      for (let d = 1; d <= plan.depth; d++)
        defs.push(`<!ENTITY e${d} "${`&e${d - 1};`.repeat(10)}">`);
      const zip = await JSZip.loadAsync(await minimalDocx('<w:p><w:r><w:t>x</w:t></w:r></w:p>'));
      zip.file(
        'word/document.xml',
        `<?xml version="1.0"?><!DOCTYPE w:document [${defs.join('')}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&e${plan.depth};</w:t></w:r></w:p></w:body></w:document>`,
      );
      return {
        name: `entity expansion ${plan.depth} levels`,
        fileName: `${n}.docx`,
        bytes: await zip.generateAsync({ type: 'uint8array' }),
      };
    }
    case 'nesting': {
      const d = plan.depth;
      if (plan.format === 'docx') {
        const body =
          '<w:tbl><w:tr><w:tc>'.repeat(d) +
          '<w:p><w:r><w:t>甲方</w:t></w:r></w:p>' +
          '</w:tc></w:tr></w:tbl>'.repeat(d);
        return {
          name: `DOCX tables nested ${d} deep`,
          fileName: `${n}.docx`,
          bytes: await minimalDocx(body),
        };
      }
      if (plan.format === 'ofd') {
        const zip = await JSZip.loadAsync(seedBytes(SEEDS[0], 'ofd'));
        const text =
          '<ofd:TextObject ID="9" Boundary="10 10 50 5" Size="3"><ofd:TextCode X="0" Y="3">甲方</ofd:TextCode></ofd:TextObject>';
        const page = Object.keys(zip.files).find((f) => /Pages\/Page_0\/Content\.xml$/.test(f))!;
        zip.file(
          page,
          `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">${'<ofd:PageBlock>'.repeat(d)}${text}${'</ofd:PageBlock>'.repeat(d)}</ofd:Layer></ofd:Content></ofd:Page>`,
        );
        return {
          name: `OFD page blocks nested ${d} deep`,
          fileName: `${n}.ofd`,
          bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
        };
      }
      if (plan.format === 'pdf')
        return {
          name: `PDF content array nested ${d} deep`,
          fileName: `${n}.pdf`,
          bytes: textPdf([
            `BT /F1 12 Tf 72 700 Td (Article 1) Tj ET`,
            `BT /F1 12 Tf 72 700 Td ${'['.repeat(d)}(x)${']'.repeat(d)} TJ ET`,
          ]),
        };
      return {
        name: `text brackets nested ${d} deep`,
        fileName: `${n}.txt`,
        bytes: utf8(
          `第一条 违约责任\n${'（'.repeat(d)}乙方${'）'.repeat(d)}\n${'<b>'.repeat(d)}\n`,
        ),
      };
    }
    case 'long-line': {
      const size = plan.mb * 1024 * 1024;
      const line = plan.unit.repeat(Math.ceil(size / utf8(plan.unit).length));
      return {
        name: `one ${plan.mb} MB line of ${JSON.stringify(plan.unit)}`,
        fileName: `${n}.txt`,
        bytes: utf8(`第一条 合同\n${line}\n`),
      };
    }
    case 'numbering': {
      const lines: string[] = [];
      for (let k = 1; k <= plan.lines; k++)
        lines.push(
          plan.style === 'count'
            ? `${k}. 乙方应当履行第${k}项义务。`
            : plan.style === 'deep'
              ? `${Array.from({ length: (k % 60) + 1 }, () => '1').join('.')} 条款`
              : '第一条 违约责任',
        );
      return {
        name: `${plan.lines} numbered lines (${plan.style})`,
        fileName: `${n}.txt`,
        bytes: utf8(lines.join('\n')),
      };
    }
    case 'encoding': {
      const text = fs.readFileSync(seedPath(plan.seed, 'txt'), 'utf8');
      return {
        name: `${short(plan.seed)}.txt as ${plan.encoding}`,
        fileName: `${n}.txt`,
        bytes: encode(text, plan.encoding),
      };
    }
    case 'pdf-pages': {
      return {
        name: `PDF of ${plan.pages} pages`,
        fileName: `${n}.pdf`,
        bytes: manyPagesPdf(plan.pages),
      };
    }
    case 'special':
      return { name: `special file: ${plan.special}`, fileName: `${n}.pdf`, special: plan.special };
  }
}

function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function encode(text: string, encoding: Encoding): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  switch (encoding) {
    case 'utf16le':
      return new Uint8Array(le);
    case 'utf16be':
      return new Uint8Array(be);
    case 'utf16le-bom':
      return concat(new Uint8Array([0xff, 0xfe]), le);
    case 'utf16be-bom':
      return concat(new Uint8Array([0xfe, 0xff]), be);
    case 'utf8-bom':
      return concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(text));
    case 'bad-utf8': {
      const b = utf8(text).slice();
      for (let k = 0; k < b.length; k += 997) b[k] = 0xff;
      return b;
    }
    case 'latin1':
      return new Uint8Array(Buffer.from(text, 'latin1'));
    case 'utf32': {
      const cps = [...text].map((c) => c.codePointAt(0)!);
      const out = Buffer.alloc(cps.length * 4);
      cps.forEach((cp, k) => out.writeUInt32LE(cp, k * 4));
      return new Uint8Array(out);
    }
    case 'nul-laced': {
      const b = utf8(text);
      const out = new Uint8Array(b.length * 2);
      b.forEach((x, k) => (out[k * 2] = x));
      return out;
    }
  }
}

/** A PDF of the given objects (1-based, in order), with a correct cross-reference table. */
function pdfOf(objects: string[]): Uint8Array {
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, k) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${k + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** A valid PDF of `pages` pages, each with a line of text of its own. */
function manyPagesPdf(pages: number): Uint8Array {
  return textPdf(
    Array.from(
      { length: pages },
      // Not at one height on every page, or it would be dropped as a running header.
      (_, i) =>
        `BT /F1 12 Tf 72 ${600 - ((i + 1) % 37) * 12} Td (Article ${i + 1}: the supplier shall pay a penalty of ${i + 1}%.) Tj ET`,
    ),
  );
}

/** A valid PDF with one page per content stream, in Helvetica. */
function textPdf(contents: string[]): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // the page tree, filled below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const kids: string[] = [];
  for (const content of contents) {
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(`${objects.length + 1} 0 R`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`,
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${contents.length} >>`;
  return pdfOf(objects);
}

/** Makes a special file at `file` (POSIX; a folder anywhere). */
export function makeSpecial(
  file: string,
  special: NonNullable<FuzzInput['special']>,
  mkfifo: (f: string) => void,
): void {
  switch (special) {
    case 'fifo':
      return mkfifo(file);
    case 'dev-zero':
      return fs.symlinkSync('/dev/zero', file);
    case 'folder':
      return fs.mkdirSync(file);
    case 'dangling-link':
      return fs.symlinkSync(path.join(path.dirname(file), 'missing.pdf'), file);
    case 'link-loop':
      return fs.symlinkSync(file, file);
  }
}
