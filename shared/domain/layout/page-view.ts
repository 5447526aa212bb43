/**
 * A document's pages as a viewer draws them when there is no page image to draw (an OFD, whose
 * vector pages Qiyue does not render): each page's size and its text as runs of characters on one
 * baseline, each with its rectangle, all in PDF points (origin bottom left, y up) as anchors are.
 */
import type { SourceDocument } from '../document';

/** A run of characters drawn on one baseline: its text and rectangle `[x1, y1, x2, y2]`. */
export interface ViewRun {
  text: string;
  rect: [number, number, number, number];
}

/**
 * A page's vector paths and images as its source draws them (an OFD's `PathObject`s and
 * `ImageObject`s), for the viewer to draw under the text: SVG path data and image boxes in points
 * from the page's top left, y down (SVG's own frame; anchors stay in PDF points, y up).
 */
export interface PageGraphics {
  paths: { d: string; stroke: string | null; fill: string | null; width: number }[];
  /** `href` is a `data:image/png` or `data:image/jpeg` URL. */
  images: { href: string; x: number; y: number; width: number; height: number }[];
}

/** One page to draw: its size in points, its runs in drawing order, and its graphics. */
export interface PageView extends Partial<PageGraphics> {
  width: number;
  height: number;
  runs: ViewRun[];
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The pages of `doc` with their runs, or null when it has no boxes or page sizes (text, DOCX).
 * Characters join a run while they stay on its page and baseline and follow it to the right; a
 * character without a box (a space the layout inserted) is kept inside a run, a line break ends
 * it.
 */
export function pageViews(doc: SourceDocument): PageView[] | null {
  const boxes = doc.boxes;
  if (!boxes || !doc.pageSizes) return null;
  const pages: PageView[] = doc.pageSizes.map(([width, height], i) => ({
    width,
    height,
    runs: [],
    ...(doc.graphics?.[i] ?? {}),
  }));
  let run: (ViewRun & { page: number }) | null = null;
  const flush = () => {
    if (run && run.text.trim())
      pages[run.page]?.runs.push({
        text: run.text.trimEnd(),
        rect: run.rect.map(round) as ViewRun['rect'],
      });
    run = null;
  };
  for (let i = 0; i < doc.text.length; i++) {
    const ch = doc.text[i];
    const at = i * 5;
    const page = boxes[at];
    if (Number.isNaN(page)) {
      if (ch === '\n') flush();
      else if (run) run.text += ch;
      continue;
    }
    const [x1, y1, x2, y2] = [boxes[at + 1], boxes[at + 2], boxes[at + 3], boxes[at + 4]];
    const r = run as (ViewRun & { page: number }) | null;
    if (r && r.page === page && Math.abs(r.rect[1] - y1) < 0.5 && x1 >= r.rect[2] - 1) {
      r.text += ch;
      r.rect[2] = Math.max(r.rect[2], x2);
      r.rect[3] = Math.max(r.rect[3], y2);
    } else {
      flush();
      run = { page, text: ch, rect: [x1, y1, x2, y2] };
    }
  }
  flush();
  return pages;
}
