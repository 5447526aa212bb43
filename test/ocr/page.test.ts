/**
 * From recognised lines to the layout layer, on synthetic OCR output (no model run): a page
 * scanned askew still gives one line per printed row with its pieces in order, every character
 * keeps the box where it was read and its probability, seal red is whitened while black text
 * under it stays, and the contract-language corrections change only what no contract writes.
 */
import { describe, expect, it } from 'vitest';
import { BoxTable } from '../../shared/domain/document';
import { pageLines } from '../../shared/domain/layout/lines';
import { layoutDocument, withoutFurniture } from '../../shared/domain/layout/document';
import type { OcrLine, Point } from '../../electron/main/ocr/engine';
import { runsFromOcr, skewOf, suppressSeals } from '../../electron/main/ocr/page';
import { correctOcrText } from '../../electron/main/ocr/corrections';

/** A page image 1275 × 1650 px (US letter at 150 dpi), y down; PDF space is points, y up. */
const SCALE = 150 / 72;
const toPdf = ([x, y]: Point): Point => [x / SCALE, 792 - y / SCALE];

/**
 * A line as OCR would give it: `text` from (`x`, `y`) (top-left, pixels), 30 px a character,
 * 30 px high, turned by `angle` radians about the page's top-left (clockwise on the image).
 */
function line(text: string, x: number, y: number, angle = 0, p = 0.98): OcrLine {
  const turn = ([px, py]: Point): Point => [
    px * Math.cos(angle) - py * Math.sin(angle),
    px * Math.sin(angle) + py * Math.cos(angle),
  ];
  const quadAt = (x1: number, x2: number): OcrLine['quad'] =>
    [turn([x1, y]), turn([x2, y]), turn([x2, y + 30]), turn([x1, y + 30])] as OcrLine['quad'];
  const chars = [...text].map((ch, i) => ({
    text: ch,
    confidence: p,
    quad: quadAt(x + i * 30, x + (i + 1) * 30),
  }));
  return { text, confidence: p, quad: quadAt(x, x + text.length * 30), chars };
}

function layout(lines: OcrLine[]) {
  const table = new BoxTable();
  const runs = runsFromOcr(lines, toPdf);
  const doc = layoutDocument(
    [{ lines: withoutFurniture(pageLines(runs, 0, table), 792), height: 792, width: 612 }],
    table,
    'pdf',
    1,
  );
  return { runs, doc: doc! };
}

describe('OCR lines into the layout layer', () => {
  it('puts the pieces of each printed row on one line, in order, on a page 1.5° askew', () => {
    const angle = (1.5 * Math.PI) / 180;
    // Given out of order, as detection finds them; the second row in two pieces (a table).
    const { doc } = layout([
      line('乙方：某某科技有限公司', 150, 300, angle),
      line('金额', 150, 380, angle),
      line('甲方：内蒙古自治区大数据中心', 150, 220, angle),
      line('壹佰万元', 700, 380, angle),
    ]);
    expect(doc.text).toBe('甲方：内蒙古自治区大数据中心\n乙方：某某科技有限公司\n金额\t壹佰万元\n');
    expect(
      skewOf([line('一二三四五六七八', 100, 100, angle)].map((l) => ({ quad: l.quad.map(toPdf) }))),
    ).toBeCloseTo(-angle, 3);
  });

  it('keeps each character where it was read, in PDF space, with its probability', () => {
    const { doc } = layout([line('甲方', 300, 150, 0, 0.5)]);
    const at = (i: number) => [...doc.boxes!.slice(i * 5, i * 5 + 5)];
    // 甲 spans pixels 300–330 × 150–180: points 144–158.4 across, 792−86.4 … 792−72 up.
    expect(at(0)[0]).toBe(0);
    expect(at(0)[1]).toBeCloseTo(144, 3);
    expect(at(0)[3]).toBeCloseTo(158.4, 3);
    expect(at(0)[2]).toBeCloseTo(792 - 86.4, 3);
    expect(at(0)[4]).toBeCloseTo(720, 3);
    expect(at(1)[1]).toBeCloseTo(158.4, 3);
    expect(doc.confidence![0]).toBeCloseTo(0.5, 5);
    expect(doc.confidence![1]).toBeCloseTo(0.5, 5);
    expect(Number.isNaN(doc.confidence![2])).toBe(true); // the line break was not read
  });

  it('whitens seal red and keeps black text under it', () => {
    const px = (r: number, g: number, b: number) => [r, g, b, 255];
    const image = {
      width: 4,
      height: 1,
      data: Uint8Array.from([
        ...px(220, 30, 40), // seal red
        ...px(255, 190, 190), // the seal's pink fringe
        ...px(40, 20, 20), // black text printed under the seal (a little red in it)
        ...px(128, 128, 128), // grey
      ]),
    };
    expect(suppressSeals(image)).toBe(2);
    expect([...image.data]).toEqual([
      ...px(255, 255, 255),
      ...px(255, 255, 255),
      ...px(40, 20, 20),
      ...px(128, 128, 128),
    ]);
  });
});

describe('OCR corrections from the language of contracts', () => {
  it('reads 申方 as 甲方 and a full stop between characters as a comma, nothing else', () => {
    expect(correctOcrText('申方应于申乙双方签字后支付.逾期按日计')).toBe(
      '甲方应于甲乙双方签字后支付，逾期按日计',
    );
    for (const kept of ['申请人', '申报材料', '年利率3.85%', '第4.2条', '附件1.', '申乙'])
      expect(correctOcrText(kept)).toBe(kept);
  });
});
