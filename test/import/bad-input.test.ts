/**
 * Issue 2: each bad input gets its own specific error, and the store's bytes are unchanged
 * afterwards (the store file and the files/ folder, byte for byte).
 */
import fs from 'node:fs';
import { blankScanPdf } from '../support/image-pdf';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { ContractStore } from '../../electron/main/store/store';
import { QiyueError, MAX_IMPORT_BYTES } from '../../shared/domain/errors';
import { seedPath } from '../support/seeds';

const SEED = '001_18cfc68e7d229bba';

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else
        out[path.relative(dir, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

let store: ContractStore;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-bad-'));
  store = await ContractStore.open(dir);
  // A store with one good contract in it, so "unchanged" means something.
  await store.importContract('good.txt', new Uint8Array(fs.readFileSync(seedPath(SEED, 'txt'))));
});

async function refusal(
  fileName: string,
  bytes: Uint8Array,
  password?: string,
): Promise<QiyueError> {
  const before = snapshot(dir);
  let error: unknown = null;
  try {
    await store.importContract(fileName, bytes, { password });
  } catch (err) {
    error = err;
  }
  expect(snapshot(dir)).toEqual(before);
  expect(error).toBeInstanceOf(QiyueError);
  return error as QiyueError;
}

const seedPdf = () => new Uint8Array(fs.readFileSync(seedPath(SEED, 'pdf')));

describe('bad input is refused with a specific message and the store untouched', () => {
  it('encrypted PDF without a password', async () => {
    const e = await refusal(
      'x.pdf',
      new Uint8Array(fs.readFileSync(seedPath(`${SEED}.encrypted`, 'pdf'))),
    );
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/加密.*password/);
  });

  it('encrypted PDF with a wrong password', async () => {
    const e = await refusal(
      'x.pdf',
      new Uint8Array(fs.readFileSync(seedPath(`${SEED}.encrypted`, 'pdf'))),
      'nope',
    );
    expect(e.code).toBe('wrong-password');
  });

  it('a scan with nothing to read (a blank sheet)', async () => {
    const e = await refusal('x.pdf', await blankScanPdf());
    expect(e.code).toBe('no-text-layer');
    expect(e.message).toContain('OCR found none');
  });

  it('truncated PDF', async () => {
    const pdf = seedPdf();
    const e = await refusal('x.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.9)));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/truncated/);
  });

  it('corrupt PDF (garbage after a valid header and end marker)', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), garbage, Buffer.from('\n%%EOF\n')]);
    const e = await refusal('x.pdf', new Uint8Array(bytes));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/^PDF 文件已损坏，无法读取；请用生成它的软件重新导出/);
    // The library's own words (pdf.js: `Invalid PDF structure`) stay in the log.
    expect(e.message).not.toMatch(/Invalid|structure|Error|exception/i);
  });

  it('a text of 25,000 clause headings (past the 20,000 a document may have)', async () => {
    const text = Array.from({ length: 25_000 }, () => '第一条 违约责任').join('\n');
    const e = await refusal('x.txt', new TextEncoder().encode(text));
    expect(e.code).toBe('too-complex');
    expect(e.message).toMatch(/^条款过多：识别出 25000 个条款编号/);
  });

  it('empty file', async () => {
    const e = await refusal('x.pdf', new Uint8Array(0));
    expect(e.code).toBe('empty-file');
  });

  it('another type renamed .pdf (a DOCX, a PNG)', async () => {
    const docx = await refusal('x.pdf', new Uint8Array(fs.readFileSync(seedPath(SEED, 'docx'))));
    expect(docx.code).toBe('wrong-type');
    expect(docx.message).toContain('ZIP/DOCX');
    const png = await refusal(
      'x.pdf',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    );
    expect(png.code).toBe('wrong-type');
    expect(png.message).toContain('PNG');
  });

  it(`a file over the ${MAX_IMPORT_BYTES / 1048576} MiB limit`, async () => {
    const e = await refusal('big.pdf', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(e.code).toBe('too-large');
  });

  it('an unsupported extension', async () => {
    const e = await refusal('sheet.xlsx', new Uint8Array([1, 2, 3]));
    expect(e.code).toBe('unsupported-format');
  });

  it('a corrupt DOCX and a text file with binary content', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<not-xml');
    const docx = await refusal('x.docx', await zip.generateAsync({ type: 'uint8array' }));
    expect(docx.code).toBe('corrupt');
    expect(docx.message).toMatch(/^DOCX 文档已损坏，无法读取；请用 Word 或 WPS 打开后另存为 DOCX/);
    expect(docx.message).not.toMatch(/xmldom|Bug|Error/);
    // Binary: NUL bytes at both even and odd offsets (not UTF-16).
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251);
    const bin = await refusal('x.txt', binary);
    expect(bin.code).toBe('wrong-type');
  });

  it('accepts the encrypted PDF with its password (user123)', async () => {
    const { contract } = await store.importContract(
      'enc.pdf',
      new Uint8Array(fs.readFileSync(seedPath(`${SEED}.encrypted`, 'pdf'))),
      { password: 'user123' },
    );
    expect(contract.report.contract.totalAmount?.yuan).toBe('375980.00');
    expect(contract.report.contract.parties[0].name).toBe('内蒙古自治区大数据中心');
  });
});

describe('text and PDFs that look odd but are fine are read, not refused', () => {
  const seedText = fs.readFileSync(seedPath(SEED, 'txt'), 'utf8');
  const total = async (fileName: string, bytes: Uint8Array) => {
    const fresh = await ContractStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-odd-')));
    const { contract } = await fresh.importContract(fileName, bytes);
    return contract.report;
  };

  it.each([
    ['utf-16le', Buffer.from(seedText, 'utf16le')],
    [
      'utf-16be',
      (() => {
        const le = Buffer.from(seedText, 'utf16le');
        return Buffer.from(le).swap16();
      })(),
    ],
  ])('UTF-16 without a byte-order mark (%s)', async (_enc, bytes) => {
    const report = await total('x.txt', new Uint8Array(bytes));
    expect(report.contract.totalAmount?.yuan).toBe('375980.00');
  });

  it('a text file that starts with PK or MZ', async () => {
    for (const start of ['PK 项目说明\n', 'MZ 项目说明\n']) {
      const report = await total('x.txt', new Uint8Array(Buffer.from(start + seedText)));
      expect(report.contract.totalAmount?.yuan).toBe('375980.00');
    }
  });

  it('UTF-8 with one bad byte: read as UTF-8, the byte replaced, and said', async () => {
    const bytes = Buffer.from(seedText);
    const cut = bytes.indexOf(Buffer.from('甲方')); // the first byte of a three-byte character
    const damaged = Buffer.concat([
      bytes.subarray(0, cut),
      Buffer.from([0xe7]),
      bytes.subarray(cut),
    ]);
    const report = await total('x.txt', new Uint8Array(damaged));
    expect(report.contract.totalAmount?.yuan).toBe('375980.00');
    expect(report.contract.parties[0].name).toBe('内蒙古自治区大数据中心');
    expect(report.limitations).toContainEqual(
      expect.stringMatching(/^文件中有 1 处字节不是有效的 UTF-8 编码，已替换为 �/),
    );
  });

  it('a PDF with bytes after its %%EOF marker', async () => {
    const pdf = fs.readFileSync(seedPath(SEED, 'pdf'));
    const padded = Buffer.concat([pdf, Buffer.alloc(8192, 0x20), Buffer.from('trailer junk')]);
    const report = await total('x.pdf', new Uint8Array(padded));
    expect(report.contract.totalAmount?.yuan).toBe('375980.00');
  });
});
