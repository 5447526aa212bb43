/**
 * OFD import through the page-layout layer: an OFD made from a seed's PDF gives every fact of
 * that seed's key (scored with the team's scorer); each of the twelve ofdrw samples imports, or is
 * refused with its own code, and its text is what its `TextCode` elements hold, in reading order;
 * a damaged, hostile or encrypted OFD is refused with its own message.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { expandDeltas } from '../../electron/main/import/ofd';
import { analyzeDocument } from '../../shared/domain/analyze';
import { buildReport } from '../../shared/domain/report';
import { sha256 } from '../../electron/main/sha256';
import { pageViews } from '../../shared/domain/layout/page-view';
import { ofdFromPdf } from '../fixtures/make-seed-ofd';
import { textLineImage } from '../support/image-pdf';
import { SEEDS_DIR, TEAM_SHARED, scoreReport } from '../support/corpus';

const OFD_DIR = path.join(TEAM_SHARED, 'fixtures/ofd');
const sample = (name: string) => new Uint8Array(fs.readFileSync(path.join(OFD_DIR, name)));

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'imported';
  } catch (err) {
    return (err as { code?: string }).code ?? 'thrown';
  }
}

/**
 * The text every `TextCode` of the package holds, in order, whitespace aside; with `horizontal`,
 * only the codes set on a line (no `DeltaY`: vertical text such as a code printed up a margin is
 * read one character a line, where the layout takes lone digits near an edge for page numbers).
 */
async function textCodes(bytes: Uint8Array, horizontal = false): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  let out = '';
  for (const name of Object.keys(zip.files).sort()) {
    if (!/Content\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<(?:ofd:)?TextCode\b([^>]*)>([^<]*)</g))
      if (!horizontal || !/DeltaY=/.test(m[1])) out += m[2];
  }
  return out.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, '');
}

describe('OFD import', () => {
  it.each(['001_18cfc68e7d229bba', '004_df6ca03d82af185a'])(
    'an OFD of seed %s gives every fact of its key',
    async (seed) => {
      const ofd = await ofdFromPdf(
        new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, `${seed}.pdf`))),
      );
      const doc = await importFile(`${seed}.ofd`, ofd);
      expect(doc.format).toBe('ofd');
      const report = buildReport(
        {
          fileName: `${seed}.ofd`,
          sha256: sha256(ofd),
          format: doc.format,
          pageCount: doc.pageCount,
        },
        doc,
        analyzeDocument(doc),
      );
      const score = scoreReport(report, path.join(SEEDS_DIR, 'expected', `${seed}.json`));
      expect(score.missing).toEqual([]);
      expect(score.matched).toBe(score.facts);
      expect(score.facts).toBeGreaterThan(35);
      // Every character keeps a box on its page, as a PDF's does.
      const boxed = [...doc.text].filter(
        (ch, i) => /\S/.test(ch) && !Number.isNaN(doc.boxes![i * 5]),
      );
      expect(boxed.length).toBe(doc.text.replace(/\s/g, '').length);
    },
  );

  it('reads each ofdrw sample in reading order, or refuses it with its own code', async () => {
    const expected: Record<string, string> = {
      'helloworld.ofd': '你好呀，OFD Reader&Writer！\n',
      'helloworld_with_pageblock.ofd': '你好呀，OFD Reader&Writer！\n',
      'SESV4SignDoc.ofd': '你好呀，OFD Reader&Writer！\n',
      // Nine DeltaX values for 26 characters: the last one goes on.
      'multiKeywordInTextCode.ofd': '打发打发打发打发打发哈哈打发哈哈哈哈哈哈哈哈哈打发\n',
    };
    const files = fs.readdirSync(OFD_DIR).filter((f) => f.endsWith('.ofd'));
    expect(files).toHaveLength(12);
    for (const f of files) {
      const bytes = sample(f);
      if (f === 'h.ofd') {
        // Glyph outlines only: the OFD twin of a scan.
        const err: unknown = await importFile(f, bytes).catch((e: unknown) => e);
        expect((err as { code: string }).code).toBe('no-text-layer');
        expect((err as Error).message).toContain('按图形绘制的页面经文字识别（OCR）也未读出文字');
        continue;
      }
      const doc = await importFile(f, bytes);
      if (expected[f]) expect(doc.text, f).toBe(expected[f]);
      // Nothing invented: every character read is one a TextCode holds (a template's text is
      // drawn on each page that uses it). On one page nearly all of them are read: only lines the
      // layout takes for page numbers (digits alone in the top or bottom inch) are left out.
      const codes = await textCodes(bytes);
      const read = doc.text.replace(/\s/g, '');
      const held = new Set(codes);
      for (const ch of read) expect(held.has(ch), `${f}: ${ch}`).toBe(true);
      if (doc.pageCount === 1) {
        const left = new Map<string, number>();
        for (const ch of codes) left.set(ch, (left.get(ch) ?? 0) + 1);
        for (const ch of read) left.set(ch, left.get(ch)! - 1);
        expect(
          [...left.values()].every((n) => n >= 0),
          f,
        ).toBe(true);
        const missed = [...left.entries()].filter(([, n]) => n > 0).map(([ch]) => ch);
        expect(
          missed.every((ch) => /\d/.test(ch)),
          `${f}: ${missed}`,
        ).toBe(true);
        const horizontal = await textCodes(bytes, true);
        expect(read.length, f).toBeGreaterThanOrEqual(horizontal.length);
      }
    }
  });

  it('keeps prose paragraphs whole, a 红头文件 in order, and an invoice’s table cells', async () => {
    const prose = (await importFile('a.ofd', sample('拿来主义_page6.ofd'))).text;
    expect(
      prose.startsWith(
        '拿来主义\n鲁迅\n中国一向是所谓“闭关主义”，自己不去，别人也不许来。自从给枪炮打破了大门之后',
      ),
    ).toBe(true);
    const notice = (await importFile('n.ofd', sample('n.ofd'))).text;
    expect(notice).toContain('路卫发〔2011〕76号\n关于同意张阿三同志辞职的批复\n区中医院：\n');
    const invoice = await importFile('i.ofd', sample('发票示例.ofd'));
    expect(invoice.text).toContain('项目名称\t规格型号\t单位\t数量\t单价\t金额\t税率\t税额');
    // The signed samples say their seal is there, and that Qiyue did not verify it.
    expect(invoice.warnings?.[0]).toContain('电子签章');
    expect(invoice.warnings?.[0]).toContain(
      '签章人证书：全国统一发票监制章国家税务总局重庆市税务局',
    );
  });

  it('names an electronic seal and its signer where the seal files say them', async () => {
    const signed = await importFile('s.ofd', sample('SESV4SignDoc.ofd'));
    expect(signed.warnings?.[0]).toBe(
      '文件带有 1 个电子签章（GB/T 38540）：“OFD R&W 测试用印章”（签章人证书：Test Certificate），契阅未验证签章的有效性 (the file carries 1 electronic seal(s): "OFD R&W 测试用印章" (signer\'s certificate: Test Certificate), not verified)',
    );
    const deed = await importFile('k.ofd', sample('keyword.ofd'));
    expect(deed.warnings?.[0]).toContain('2 个电子签章');
    expect(deed.warnings?.[0]).toContain('“淄博市周村区自然资源局(不动产登记专用章)”');
    // A seal file that is not a seal: the seal is counted, not named.
    const zip = await JSZip.loadAsync(sample('SESV4SignDoc.ofd'));
    for (const f of zip.file(/Seal\.esl$|SignedValue\.dat$/)) zip.file(f.name, 'not ASN.1');
    const broken = await importFile('b.ofd', await zip.generateAsync({ type: 'uint8array' }));
    expect(broken.warnings?.[0]).toBe(
      '文件带有 1 个电子签章（GB/T 38540），契阅未验证签章的有效性 (the file carries 1 electronic seal(s), not verified)',
    );
  });

  it('keeps an OFD page’s lines and images for the viewer, where the page draws them', async () => {
    const invoice = await importFile('i.ofd', sample('发票示例.ofd'));
    const [page] = pageViews(invoice)!;
    // The invoice's frame: 23 ruled lines from its template, in the invoice's brown.
    expect(page.paths).toHaveLength(23);
    expect(page.paths![0].stroke).toBe('rgb(156, 82, 35)');
    // `Boundary="68.5 17.8 73 0.4"`, `M 0 0.2 L 73 0.2`: from (68.5, 18) mm to (141.5, 18) mm.
    const mm = (v: number) => ((v * 72) / 25.4).toFixed(2);
    expect(page.paths![0].d).toBe(`M ${mm(68.5)} ${mm(18)} L ${mm(141.5)} ${mm(18)}`);
    expect(page.paths![0].width).toBeCloseTo((0.25 * 72) / 25.4, 3);
    // The QR code: its PNG, 20 mm square at (8.5, 3.5) mm.
    expect(page.images).toHaveLength(1);
    expect(page.images![0].href).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(page.images![0].x).toBeCloseTo((8.5 * 72) / 25.4, 2);
    expect(page.images![0].width).toBeCloseTo((20 * 72) / 25.4, 2);
    // Every path stays on the page.
    for (const p of page.paths!)
      for (const m of p.d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)) {
        const [x, y] = [Number(m[1]), Number(m[2])];
        expect(x >= 0 && x <= page.width && y >= 0 && y <= page.height).toBe(true);
      }
  });

  it('reads by OCR a page that draws its text instead of coding it', async () => {
    // helloworld.ofd with its TextObject replaced by an image of a line of text.
    const zip = await JSZip.loadAsync(sample('helloworld.ofd'));
    zip.file(
      'Doc_0/Res/line.png',
      await textLineImage('第一条 服务期限为十二个月。', {
        width: 1500,
        height: 200,
        fontPx: 64,
        format: 'png',
      }),
    );
    zip.file(
      'Doc_0/PublicRes.xml',
      '<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res">' +
        '<ofd:MultiMedias><ofd:MultiMedia ID="9" Type="Image" Format="PNG"><ofd:MediaFile>line.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>',
    );
    zip.file(
      'Doc_0/Pages/Page_0/Content.xml',
      '<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">' +
        '<ofd:ImageObject ID="10" Boundary="20 20 150 20" CTM="150 0 0 20 0 0" ResourceID="9"/></ofd:Layer></ofd:Content></ofd:Page>',
    );
    const doc = await importFile('drawn.ofd', await zip.generateAsync({ type: 'uint8array' }));
    expect(doc.ocrPages).toEqual([1]);
    expect(doc.text).toContain('服务期限为十二个月');
    expect(doc.warnings?.join('\n')).toContain('其文字由 OCR 从页面图形识别');
    // Where the image puts it: from 20 mm in, 20–40 mm down an A4 page.
    const at = doc.text.indexOf('服务');
    expect(doc.boxes![at * 5 + 1]).toBeGreaterThan((20 * 72) / 25.4);
    expect(doc.boxes![at * 5 + 4]).toBeLessThan(((297 - 20) * 72) / 25.4);
    expect(doc.boxes![at * 5 + 2]).toBeGreaterThan(((297 - 40) * 72) / 25.4);
  });

  it('refuses a damaged, hostile or encrypted OFD, each with its own code', async () => {
    const hello = sample('helloworld.ofd');
    expect(await code(importFile('t.ofd', hello.slice(0, 400)))).toBe('corrupt');
    expect(await code(importFile('t.ofd', new TextEncoder().encode('not an ofd at all')))).toBe(
      'wrong-type',
    );
    const altered = async (edit: (zip: JSZip) => Promise<void> | void) => {
      const zip = await JSZip.loadAsync(hello);
      await edit(zip);
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    };
    // No OFD.xml; a content part that is not XML; an entity bomb in a DTD.
    expect(await code(importFile('t.ofd', await altered((z) => void z.remove('OFD.xml'))))).toBe(
      'corrupt',
    );
    expect(
      await code(
        importFile(
          't.ofd',
          await altered(
            (z) => void z.file('Doc_0/Pages/Page_0/Content.xml', '<ofd:Page><unclosed'),
          ),
        ),
      ),
    ).toBe('corrupt');
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><ofd:Page><ofd:Content><ofd:Layer><ofd:TextObject Boundary="0 0 10 10" Size="3"><ofd:TextCode X="0" Y="3">&b;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>';
    expect(
      await code(
        importFile(
          't.ofd',
          await altered((z) => void z.file('Doc_0/Pages/Page_0/Content.xml', bomb)),
        ),
      ),
    ).toBe('corrupt');
    // A part that would inflate to 300 MiB is refused from the central directory, not inflated.
    const big = await altered(
      (z) => void z.file('Doc_0/Res/filler.bin', new Uint8Array(300 * 1024 * 1024)),
    );
    expect(await code(importFile('t.ofd', big))).toBe('too-complex');
    // An encrypted OFD (GM/T 0099: an Encryptions entry in the document).
    const enc = await altered((z) => void z.file('Doc_0/Encryptions.xml', '<ofd:Encryptions/>'));
    const err = await importFile('t.ofd', enc).catch((e: Error) => e);
    expect(err).toMatchObject({
      code: 'encrypted',
      message: expect.stringContaining('OFD 文件已加密'),
    });
  }, 60_000);

  it('expands DeltaX’s g form, never past the characters it spaces', () => {
    expect(expandDeltas('3 g 3 1.5 2', 10)).toEqual([3, 1.5, 1.5, 1.5, 2]);
    expect(expandDeltas('g 1000000000 1', 4)).toEqual([1, 1, 1, 1]);
    expect(expandDeltas('g x 1 4', 4)).toEqual([4]);
    expect(expandDeltas(undefined, 4)).toEqual([]);
  });
});
