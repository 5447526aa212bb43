/**
 * Where a DOM selection over a viewer's pages is, in PDF points: the anchor an annotation keeps,
 * independent of the zoom. Shared by the PDF viewer and the OFD layout viewer.
 */
import type { Anchor } from './report-types';
import type { Rect } from '../../../shared/domain/document';

/**
 * The rectangles of `range`, each on the page it falls on: a client rectangle's centre picks the
 * page element (`pageSelector`, numbered by `data-page`, 1-based), and `toPdf` turns a point of
 * that page (pixels from its top left) into PDF points.
 */
export function selectionPositions(
  range: Range,
  root: HTMLElement,
  pageSelector: string,
  toPdf: (pageIndex: number, x: number, y: number) => [number, number],
): Anchor['positions'] {
  const out = new Map<number, Rect[]>();
  const pageEls = [...root.querySelectorAll<HTMLElement>(pageSelector)];
  for (const r of range.getClientRects()) {
    if (r.width < 1 || r.height < 1) continue;
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const el = pageEls.find((p) => {
      const b = p.getBoundingClientRect();
      return cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom;
    });
    if (!el) continue;
    const index = Number(el.dataset.page) - 1;
    const b = el.getBoundingClientRect();
    const [x1, y1] = toPdf(index, r.left - b.left, r.bottom - b.top);
    const [x2, y2] = toPdf(index, r.right - b.left, r.top - b.top);
    const rect = [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)].map(
      (v) => Math.round(v * 100) / 100,
    ) as Rect;
    out.set(index, [...(out.get(index) ?? []), rect]);
  }
  return [...out.entries()].map(([pageIndex, rects]) => ({ pageIndex, rects }));
}

/**
 * The reviewer's current selection over a viewer's pages: its text and its rectangles (see
 * {@link selectionPositions}); null when nothing (or only whitespace) is selected there.
 */
export function selectedAnchor(
  root: HTMLElement,
  pageSelector: string,
  toPdf: (pageIndex: number, x: number, y: number) => [number, number],
): { positions: Anchor['positions']; quote: string } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const quote = sel.toString().trim();
  if (!quote) return null;
  const positions = selectionPositions(sel.getRangeAt(0), root, pageSelector, toPdf);
  return positions.length ? { positions, quote } : null;
}
