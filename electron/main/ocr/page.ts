/**
 * From a page image to positioned text runs: red seals taken out before recognition, and the
 * recognised lines turned into {@link TextRun}s in PDF user space for the page-layout layer
 * (`shared/domain/layout`), in reading order even on a page scanned a degree or two askew.
 */
import type { TextRun } from '../../../shared/domain/layout/lines';
import { correctOcrText } from './corrections';
import type { OcrLine, Point, RgbaImage } from './engine';

/**
 * Whether a pixel is seal red: a red well above its green and blue. Black text printed under a
 * seal stays dark in all three channels and is kept; the seal's pale pink fringe (255, 200, 200)
 * counts as red too.
 */
function isSealRed(r: number, g: number, b: number): boolean {
  return r > 110 && r - Math.max(g, b) > 48;
}

/**
 * Whitens the red of seals (公章, 合同专用章) in place, so that a seal stamped across a line is
 * not read as text and the text under it is read alone. Red text elsewhere on the page (a red
 * heading) goes too: contracts carry their terms in black.
 * @returns the number of pixels whitened
 */
export function suppressSeals(image: RgbaImage): number {
  const d = image.data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (isSealRed(d[i], d[i + 1], d[i + 2])) {
      d[i] = d[i + 1] = d[i + 2] = 255;
      n++;
    }
  }
  return n;
}

/** Maps a point of the page image (pixels, y down) to PDF user space (points, y up). */
export type ToPdf = (p: Point) => Point;

/**
 * The page's skew, in radians: the median slope of the top edges of its wider lines (a scan fed a
 * degree or two askew turns every line alike). 0 when no line is wide enough to tell.
 */
export function skewOf(lines: readonly { quad: readonly Point[] }[]): number {
  const angles = lines
    .filter((l) => {
      const [tl, tr, , bl] = l.quad;
      return (
        Math.hypot(tr[0] - tl[0], tr[1] - tl[1]) > 4 * Math.hypot(bl[0] - tl[0], bl[1] - tl[1])
      );
    })
    .map((l) => Math.atan2(l.quad[1][1] - l.quad[0][1], l.quad[1][0] - l.quad[0][0]))
    .sort((a, b) => a - b);
  if (!angles.length) return 0;
  return angles[Math.floor(angles.length / 2)];
}

/**
 * The text runs of a page read by OCR, one per detected line, in reading order: rows top to
 * bottom, each row left to right, after turning the page by its skew. A run's own position
 * (baseline, extent) is in the turned frame, so that the layout layer puts one row's pieces on
 * one line; each character's box (`boxes`) stays where it is on the page image, so highlights
 * land on the scan as printed.
 * @param lines the page's lines (pixels of the page image)
 * @param toPdf maps image pixels to PDF user space
 */
export function runsFromOcr(lines: readonly OcrLine[], toPdf: ToPdf): TextRun[] {
  // The skew is measured in PDF space (y up), where the layout works.
  const pdfLines = lines.map((l) => ({ line: l, quad: l.quad.map(toPdf) as Point[] }));
  const angle = skewOf(pdfLines);
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  const turn = ([x, y]: Point): Point => [x * cos - y * sin, x * sin + y * cos];
  const runs = pdfLines.map(({ line, quad }) => {
    const turned = quad.map(turn);
    const xs = turned.map((p) => p[0]);
    const ys = turned.map((p) => p[1]);
    const bottom = Math.min(...ys);
    const top = Math.max(...ys);
    const h = (top - bottom) / 1.05;
    const boxes: [number, number, number, number][] = [];
    const confidence: number[] = [];
    let str = '';
    for (const ch of line.chars) {
      const q = ch.quad.map(toPdf);
      const box: [number, number, number, number] = [
        Math.min(...q.map((p) => p[0])),
        Math.min(...q.map((p) => p[1])),
        Math.max(...q.map((p) => p[0])),
        Math.max(...q.map((p) => p[1])),
      ];
      for (let i = 0; i < ch.text.length; i++) {
        boxes.push(box);
        confidence.push(ch.confidence);
      }
      str += ch.text;
    }
    const run: TextRun = {
      str: correctOcrText(str),
      x: Math.min(...xs),
      y: bottom + 0.2 * h,
      width: Math.max(...xs) - Math.min(...xs),
      height: h,
      boxes,
      confidence,
    };
    return run;
  });
  // Rows: runs whose baselines are within half a line of the row's first, top to bottom.
  runs.sort((a, b) => b.y - a.y);
  const rows: TextRun[][] = [];
  for (const r of runs) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - r.y) < Math.max(row[0].height, r.height) * 0.5) row.push(r);
    else rows.push([r]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x));
}
