/** Anchor helpers for the renderer. */
import type { Anchor } from './report-types';

/** One anchor covering several (a finding that quotes two places highlights both). */
export function mergeAnchors(anchors: Anchor[]): Anchor {
  const positions = new Map<number, Anchor['positions'][number]>();
  for (const a of anchors)
    for (const p of a.positions) {
      const cur = positions.get(p.pageIndex);
      if (cur) cur.rects.push(...p.rects);
      else positions.set(p.pageIndex, { pageIndex: p.pageIndex, rects: [...p.rects] });
    }
  return {
    start: Math.min(...anchors.map((a) => a.start)),
    end: Math.max(...anchors.map((a) => a.end)),
    quote: anchors.map((a) => a.quote).join(' … '),
    positions: [...positions.values()],
  };
}
