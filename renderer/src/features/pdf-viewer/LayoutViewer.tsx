/**
 * The pages of an OFD contract, drawn from their text runs (`contracts:pages`, PDF points) at
 * their positions on pages of their size, with the selected anchor's rectangles highlighted and
 * scrolled into view: the reviewer sees the clause where the page has it, as with a PDF. The
 * page's ruled lines and images are drawn under the text; annotations are drawn over it, and text
 * selected on a page becomes a new annotation's anchor, as on a PDF.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Anchor } from '../../lib/report-types';
import type { Response } from '../../../../shared/ipc/contract';
import type { ViewerAnnotation } from './PdfViewer';
import { selectedAnchor } from '../../lib/selection';

type Pages = Response<'contracts:pages'>['pages'];

/** Pixels per point. */
const SCALE = 1.3;

/** A rectangle in points (y up) as CSS on a page `height` points high. */
function place(rect: [number, number, number, number], height: number) {
  const [x1, y1, x2, y2] = rect;
  return {
    left: x1 * SCALE,
    top: (height - y2) * SCALE,
    width: Math.max(1, (x2 - x1) * SCALE),
    height: Math.max(1, (y2 - y1) * SCALE),
  };
}

export function LayoutViewer({
  pages,
  format,
  highlight,
  annotations = [],
  onSelectText,
  onAnnotationClick,
}: {
  pages: Pages;
  format: string;
  highlight: Anchor | null;
  annotations?: ViewerAnnotation[];
  /** Called with the anchor (PDF points) and the text of what the reviewer selected. */
  onSelectText?: (positions: Anchor['positions'], quote: string) => void;
  onAnnotationClick?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    first.current?.scrollIntoView({ block: 'center' });
  }, [highlight]);
  const firstPage = highlight?.positions[0]?.pageIndex ?? -1;
  return (
    <div className="pdf-viewer" data-testid="layout-viewer">
      <div className="viewer-toolbar">
        {t('viewer.layoutSource', { format: format.toUpperCase(), pages: pages.length })}
      </div>
      <div
        className="pdf-scroll"
        data-testid="pdf-scroll"
        onMouseUp={(e) => {
          const selected =
            onSelectText &&
            selectedAnchor(e.currentTarget, '.layout-page', (i, x, y) => [
              x / SCALE,
              pages[i].height - y / SCALE,
            ]);
          if (selected) onSelectText(selected.positions, selected.quote);
        }}
      >
        {pages.map((page, index) => {
          const rects = highlight?.positions.find((p) => p.pageIndex === index)?.rects ?? [];
          return (
            <div
              key={index}
              className="pdf-page layout-page"
              data-page={index + 1}
              style={{ width: page.width * SCALE, height: page.height * SCALE }}
            >
              {page.paths?.length || page.images?.length ? (
                // The page's lines, frames and images, under its text (points, y down).
                <svg
                  className="layout-graphics"
                  data-testid="layout-graphics"
                  width={page.width * SCALE}
                  height={page.height * SCALE}
                  viewBox={`0 0 ${page.width} ${page.height}`}
                  aria-hidden
                >
                  {page.images?.map((img, i) => (
                    <image
                      key={`i${i}`}
                      href={img.href}
                      x={img.x}
                      y={img.y}
                      width={img.width}
                      height={img.height}
                      preserveAspectRatio="none"
                    />
                  ))}
                  {page.paths?.map((p, i) => (
                    <path
                      key={`p${i}`}
                      d={p.d}
                      stroke={p.stroke ?? 'none'}
                      fill={p.fill ?? 'none'}
                      strokeWidth={p.width}
                    />
                  ))}
                </svg>
              ) : null}
              {page.runs.map((run, i) => {
                const box = place(run.rect, page.height);
                return (
                  <span
                    key={i}
                    className="layout-run"
                    style={{
                      left: box.left,
                      top: box.top,
                      fontSize: box.height / 1.05,
                      lineHeight: `${box.height}px`,
                    }}
                  >
                    {run.text}
                  </span>
                );
              })}
              <div className="annotation-layer">
                {annotations.flatMap((a) =>
                  (a.anchor.positions.find((p) => p.pageIndex === index)?.rects ?? []).map(
                    (r, i) => (
                      <div
                        key={`${a.id}-${i}`}
                        className={`ann ann-${a.status}`}
                        data-annotation={a.id}
                        style={place(r, page.height)}
                        onClick={() => onAnnotationClick?.(a.id)}
                      />
                    ),
                  ),
                )}
              </div>
              <div className="highlight-layer">
                {rects.map((r, i) => (
                  <div
                    key={i}
                    ref={index === firstPage && i === 0 ? first : undefined}
                    className="hl"
                    data-testid="highlight"
                    style={place(r, page.height)}
                  />
                ))}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
