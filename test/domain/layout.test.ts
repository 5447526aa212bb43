/**
 * The page-layout layer on synthetic text runs (PDF user space, 12 pt type, A4 595 × 842 pt):
 * lines from baselines, tabs between table cells, vertically centred rows and wrapped cells
 * rebuilt, wrapped lines joined by the document's line pitch (and across a page break), running
 * headers, footers and page numbers dropped, radicals read as ideographs, and every character's
 * box where it was drawn. The PDF importer feeds it pdf.js's runs; OCR and OFD will feed it theirs.
 */
import { describe, expect, it } from 'vitest';
import { BoxTable, type SourceDocument } from '../../shared/domain/document';
import { pageLines, type TextRun } from '../../shared/domain/layout/lines';
import {
  layoutDocument,
  withoutFurniture,
  type PageLines,
} from '../../shared/domain/layout/document';
import { pageViews } from '../../shared/domain/layout/page-view';

const SIZE = 12;
const HEIGHT = 842;

/** A run of `str` at (`x`, `y`), each Han character 12 pt wide and other characters 6 pt. */
function run(str: string, x: number, y: number, size = SIZE): TextRun {
  const width = [...str].reduce(
    (w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.5),
    0,
  );
  return { str, x, y, width: width * size, height: size };
}

/** Lays out pages of runs the way the PDF importer does. */
function layout(pages: TextRun[][]): SourceDocument | null {
  const table = new BoxTable();
  const lines: PageLines[] = pages.map((runs, i) => ({
    lines: withoutFurniture(pageLines(runs, i, table), HEIGHT),
    height: HEIGHT,
    width: 595,
  }));
  return layoutDocument(lines, table, 'pdf', pages.length);
}

const text = (pages: TextRun[][]) => layout(pages)?.text ?? null;

/** A body line of 36 Han characters (72–504 pt): full width, so a wrap when another follows. */
const FULL = '甲方应当按照本合同约定的期限和方式向乙方支付服务费用并配合乙方开展运维服务工';

describe('page layout', () => {
  it('joins runs on one baseline, a narrow gap a space and a wide one a tab', () => {
    expect(
      text([
        [run('合同', 72, 700), run('金额', 98, 700), run('人民币', 300, 700), run('乙方', 72, 680)],
      ]),
    ).toBe('合同 金额\t人民币\n乙方\n');
  });

  it('joins lines wrapped in mid-sentence by the line pitch, and not a heading or a short line', () => {
    expect(
      text([
        [
          run(FULL, 72, 700),
          run(FULL, 72, 680),
          run('作。', 72, 660),
          run('第二条 服务期限', 72, 640),
          run('服务期限为一年。', 72, 620),
        ],
      ]),
    ).toBe(`${FULL}${FULL}作。\n第二条 服务期限\n服务期限为一年。\n`);
    // Lines two pitches apart are paragraphs of their own, however full.
    expect(text([[run(FULL, 72, 700), run(FULL, 72, 680), run(FULL, 72, 640)]])).toBe(
      `${FULL}${FULL}\n${FULL}\n`,
    );
  });

  it('continues a full, unfinished last line on the next page, past its header and page number', () => {
    const page = (body: TextRun[], n: number) => [
      run('某市政务信息化运维服务合同', 200, 800),
      ...body,
      run(`- ${n} -`, 290, 40),
    ];
    expect(
      text([
        page([run(FULL, 72, 700), run(FULL, 72, 680)], 1),
        page([run('作，直至验收合格。', 72, 760)], 2),
        page([run('第三条 验收', 72, 760)], 3),
      ]),
    ).toBe(`${FULL}${FULL}作，直至验收合格。\n第三条 验收\n`);
  });

  it('rebuilds a table row whose cells are vertically centred, and puts a wrapped cell back', () => {
    // 付款节点 | 合同签订后且乙方提交履约保函 / 后15个工作日内 (two lines) | 30%
    expect(
      text([
        [
          run('第一期', 72, 700),
          run('合同签订后且乙方提交履约保函', 160, 707),
          run('后15个工作日内', 160, 693),
          run('30%', 450, 700),
        ],
      ]),
    ).toBe('第一期\t合同签订后且乙方提交履约保函后15个工作日内\t30%\n');
    // Top-aligned cells: the wrapped line of a cell sits just below the row and inside the cell.
    expect(
      text([
        [
          run('第二期', 72, 700),
          run('验收合格后', 160, 700),
          run('40%', 450, 700),
          run('10个工作日内', 160, 686),
        ],
      ]),
    ).toBe('第二期\t验收合格后10个工作日内\t40%\n');
  });

  it('reads radicals as the ideographs they stand for', () => {
    expect(text([[run('第1⻚', 72, 700), run('⽅案', 72, 600)]])).toBe('第1页\n方案\n');
  });

  it('keeps each character’s box where it was drawn', () => {
    const doc = layout([[run('甲方', 100, 500), run('AB', 200, 500)]])!;
    expect(doc.text).toBe('甲方\tAB\n');
    const box = (i: number) => [...doc.boxes!.subarray(i * 5, i * 5 + 5)];
    expect(box(0)).toEqual([0, 100, 500 - 2.4, 112, 500 + 10.2].map(Math.fround));
    expect(box(1)[1]).toBe(112);
    // The tab the layer inserted has no box; `B` is the second 6 pt character after x = 200.
    expect(box(2).every(Number.isNaN)).toBe(true);
    expect(box(4)[1]).toBe(206);
  });

  it('gives no document for pages without visible text (a scan), nor for a running header alone', () => {
    expect(layout([[], []])).toBeNull();
    expect(layout([[run('   ', 72, 700)]])).toBeNull();
    const header = [run('内部资料', 260, 810)];
    expect(layout([header, header, header])).toBeNull();
  });

  it('gives a viewer each page’s size and its text as runs with rectangles where they were drawn', () => {
    const doc = layout([
      [run('第一条', 72, 700), run('服务内容', 120, 700), run('乙方提供运维服务。', 72, 600)],
      [run('第二条 价款', 72, 760)],
    ])!;
    expect(doc.pageSizes).toEqual([
      [595, HEIGHT],
      [595, HEIGHT],
    ]);
    const views = pageViews(doc)!;
    expect(views.map((v) => v.runs.map((r) => r.text))).toEqual([
      ['第一条 服务内容', '乙方提供运维服务。'],
      ['第二条 价款'],
    ]);
    expect(views[0].runs[0].rect).toEqual([72, 697.6, 168, 710.2]);
    // Text without boxes (a DOCX) has no pages to draw.
    expect(pageViews({ ...doc, boxes: null })).toBeNull();
  });
});
