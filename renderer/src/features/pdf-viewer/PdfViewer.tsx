/**
 * The PDF beside the analysis: continuous pages rendered on demand (canvas + selectable text
 * layer), zoom, page navigation, and a highlight layer for the selected anchor, scrolled into
 * view. A scanned page, which has no text layer of its own, gets one from what OCR read there:
 * invisible text at the characters' positions, so it can be selected and annotated like text.
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';
import type { Anchor } from '../../lib/report-types';
import { openPdf, pdfjs } from './pdfjs';
import { selectedAnchor } from '../../lib/selection';
import type { Response } from '../../../../shared/ipc/contract';

/** What OCR read on each page (`contracts:pages`): runs of text with their rectangles. */
type OcrPages = Response<'contracts:pages'>['pages'];

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** Where `el` is inside the scroll box `box`, in the box's scroll coordinates (px). */
function offsetIn(box: HTMLElement, el: HTMLElement): { top: number; left: number } {
  const b = box.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return { top: r.top - b.top + box.scrollTop, left: r.left - b.left + box.scrollLeft };
}

interface PageInfo {
  page: PDFPageProxy;
  width: number;
  height: number;
}

function toScreen(viewport: PageViewport, rect: number[]) {
  const [x1, y1] = viewport.convertToViewportPoint(rect[0], rect[1]) as number[];
  const [x2, y2] = viewport.convertToViewportPoint(rect[2], rect[3]) as number[];
  return {
    left: Math.min(x1, x2),
    top: Math.min(y1, y2),
    width: Math.abs(x2 - x1),
    height: Math.abs(y2 - y1),
  };
}

/** An annotation as the viewer draws it. */
export interface ViewerAnnotation {
  id: string;
  status: string;
  anchor: Anchor;
}

function PageView({
  info,
  scale,
  highlight,
  index,
  annotations,
  onAnnotationClick,
  ocrRuns,
}: {
  info: PageInfo;
  scale: number;
  highlight: Anchor | null;
  index: number;
  annotations: ViewerAnnotation[];
  onAnnotationClick?: (id: string) => void;
  /** What OCR read on this page, when it is a scan. */
  ocrRuns?: OcrPages[number]['runs'];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const viewport = info.page.getViewport({ scale });
  useEffect(() => {
    const el = ref.current!;
    const io = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setVisible(true),
      {
        rootMargin: '600px 0px',
      },
    );
    io.observe(el);
    return () => io.disconnect();
  }, []);
  useEffect(() => {
    if (!visible) return;
    const el = ref.current!;
    const canvas = el.querySelector('canvas')!;
    const textDiv = el.querySelector('.textLayer') as HTMLDivElement;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    const task = info.page.render({
      canvas,
      viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
    });
    textDiv.replaceChildren();
    const textLayer = new pdfjs.TextLayer({
      textContentSource: info.page.streamTextContent(),
      container: textDiv,
      viewport,
    });
    void textLayer.render().catch(() => undefined);
    task.promise.then(() => el.setAttribute('data-rendered', 'true')).catch(() => undefined);
    return () => {
      task.cancel();
      textLayer.cancel();
    };
  }, [visible, scale, info.page]);
  const rects = highlight?.positions.find((p) => p.pageIndex === index)?.rects ?? [];
  return (
    <div
      ref={ref}
      className="pdf-page"
      data-page={index + 1}
      style={{
        width: viewport.width,
        height: viewport.height,
        ['--total-scale-factor' as string]: scale,
      }}
    >
      <canvas />
      <div className="textLayer" />
      {ocrRuns?.length ? (
        <div className="ocr-text-layer" data-testid="ocr-text-layer">
          {ocrRuns.map((run, i) => {
            const box = toScreen(viewport, run.rect);
            return (
              <span
                key={i}
                style={{
                  left: box.left,
                  top: box.top,
                  height: box.height,
                  fontSize: box.height / 1.05,
                  lineHeight: `${box.height}px`,
                  // One character a box wide: the glyphs of the reader's font stand where the
                  // scan's do.
                  letterSpacing: `${Math.max(0, box.width / [...run.text].length - box.height / 1.05)}px`,
                }}
              >
                {run.text}
              </span>
            );
          })}
        </div>
      ) : null}
      <div className="annotation-layer">
        {annotations.flatMap((a) =>
          (a.anchor.positions.find((p) => p.pageIndex === index)?.rects ?? []).map((r, i) => (
            <div
              key={`${a.id}-${i}`}
              className={`ann ann-${a.status}`}
              data-annotation={a.id}
              style={toScreen(viewport, r)}
              onClick={() => onAnnotationClick?.(a.id)}
            />
          )),
        )}
      </div>
      <div className="highlight-layer">
        {rects.map((r, i) => (
          <div key={i} className="hl" data-testid="highlight" style={toScreen(viewport, r)} />
        ))}
      </div>
    </div>
  );
}

export function PdfViewer({
  data,
  highlight,
  annotations = [],
  onSelectText,
  onAnnotationClick,
  ocrText,
}: {
  data: Uint8Array;
  /** For a scan, what OCR read on its pages (`contracts:pages`). */
  ocrText?: OcrPages | null;
  highlight: Anchor | null;
  annotations?: ViewerAnnotation[];
  /** Called with the anchor (PDF user space) of text the reviewer selected. */
  onSelectText?: (positions: Anchor['positions'], quote: string) => void;
  onAnnotationClick?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [pages, setPages] = useState<PageInfo[]>([]);
  const [scale, setScale] = useState(1.25);
  const [current, setCurrent] = useState(1);
  const scroller = useRef<HTMLDivElement>(null);
  const [passwordPrompt, setPasswordPrompt] = useState<{
    update: (pw: string) => void;
    wrong: boolean;
  } | null>(null);
  const [password, setPassword] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const task = openPdf(data);
    let live = true;
    // An encrypted PDF (imported with its password) asks for it again to display.
    task.onPassword = (update: (pw: string) => void, reason: number) => {
      if (live) setPasswordPrompt({ update, wrong: reason === 2 });
    };
    task.promise
      .then(async (d) => {
        const list: PageInfo[] = [];
        for (let i = 1; i <= d.numPages; i++) {
          const page = await d.getPage(i);
          const vp = page.getViewport({ scale: 1 });
          list.push({ page, width: vp.width, height: vp.height });
        }
        if (live) {
          setDoc(d);
          setPages(list);
        }
      })
      .catch((err: Error) => {
        // Leaving the contract while its pages load destroys the task: nothing to say then.
        if (live) setLoadError(err.message);
      });
    return () => {
      live = false;
      void task.destroy();
    };
  }, [data]);

  // Page tops are measured inside the scroll box, so none lands under the toolbar above it.
  const goToPage = useCallback((n: number) => {
    const box = scroller.current;
    const el = box?.querySelector(`[data-page="${n}"]`) as HTMLElement | null;
    if (el && box) box.scrollTo({ top: offsetIn(box, el).top - 8 });
  }, []);

  // Scroll the highlight into view, across as well as down (a wide zoom), when the selection or
  // zoom changes: its first line a third of the way down, its start near the left edge.
  useEffect(() => {
    if (!highlight || !pages.length || !highlight.positions.length) return;
    const first = highlight.positions[0];
    const info = pages[first.pageIndex];
    const box = scroller.current;
    const pageEl = box?.querySelector(`[data-page="${first.pageIndex + 1}"]`) as HTMLElement | null;
    if (!info || !pageEl || !box) return;
    const rect = toScreen(info.page.getViewport({ scale }), first.rects[0]);
    const at = offsetIn(box, pageEl);
    const left = at.left + rect.left;
    box.scrollTo({
      top: at.top + rect.top - box.clientHeight / 3,
      left:
        left < box.scrollLeft || left + rect.width > box.scrollLeft + box.clientWidth
          ? left - 40
          : box.scrollLeft,
    });
  }, [highlight, pages, scale]);

  /** The zoom at which the widest page fills the width, or the tallest fits the height. */
  const fit = (how: 'width' | 'page') => {
    const box = scroller.current;
    if (!box || !pages.length) return;
    const w = Math.max(...pages.map((p) => p.width));
    const h = Math.max(...pages.map((p) => p.height));
    const byWidth = (box.clientWidth - 32) / w;
    const next = how === 'width' ? byWidth : Math.min(byWidth, (box.clientHeight - 32) / h);
    setScale(Math.max(0.25, Math.min(4, Math.floor(next * 100) / 100)));
  };

  const onScroll = () => {
    const s = scroller.current;
    if (!s) return;
    const mid = s.scrollTop + s.clientHeight / 3;
    for (const el of s.querySelectorAll<HTMLElement>('.pdf-page')) {
      if (el.offsetTop + el.offsetHeight > mid) {
        setCurrent(Number(el.dataset.page));
        break;
      }
    }
  };

  /** Keys that move through the document (PageDown, Space, arrows, Home, End). */
  const scrollKey = (e: ReactKeyboardEvent) => {
    const box = scroller.current;
    if (!box || e.ctrlKey || e.metaKey || e.altKey) return false;
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, button, form')) return false;
    const page = box.clientHeight * 0.9;
    const by: Record<string, [number, number]> = {
      PageDown: [0, page],
      PageUp: [0, -page],
      ' ': [0, e.shiftKey ? -page : page],
      ArrowDown: [0, 48],
      ArrowUp: [0, -48],
      ArrowRight: [48, 0],
      ArrowLeft: [-48, 0],
    };
    if (e.key === 'Home') box.scrollTo({ top: 0 });
    else if (e.key === 'End') box.scrollTo({ top: box.scrollHeight });
    else if (by[e.key]) box.scrollBy({ left: by[e.key][0], top: by[e.key][1] });
    else return false;
    return true;
  };

  const zoom = (dir: 1 | -1) => {
    const i = ZOOMS.findIndex((z) => z >= scale - 1e-6);
    setScale(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, i + dir))]);
  };

  return (
    <div
      className="pdf-viewer"
      tabIndex={0}
      aria-label={t('viewer.document')}
      aria-keyshortcuts="PageDown PageUp Space ArrowDown ArrowUp Home End Control+= Control+-"
      data-testid="pdf-viewer"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && (e.key === '=' || e.key === '+')) {
          e.preventDefault();
          zoom(1);
        } else if ((e.ctrlKey || e.metaKey) && e.key === '-') {
          e.preventDefault();
          zoom(-1);
        } else if (scrollKey(e)) e.preventDefault();
      }}
    >
      <div className="viewer-toolbar">
        <button
          onClick={() => zoom(-1)}
          title={t('viewer.zoomOut')}
          aria-label={t('viewer.zoomOut')}
        >
          −
        </button>
        <span className="zoom" data-testid="zoom">
          {Math.round(scale * 100)}%
        </span>
        <button onClick={() => zoom(1)} title={t('viewer.zoomIn')} aria-label={t('viewer.zoomIn')}>
          +
        </button>
        <button onClick={() => fit('width')} data-testid="fit-width">
          {t('viewer.fitWidth')}
        </button>
        <button onClick={() => fit('page')} data-testid="fit-page">
          {t('viewer.fitPage')}
        </button>
        <span className="sep" />
        <button onClick={() => goToPage(Math.max(1, current - 1))} aria-label={t('viewer.prev')}>
          ‹
        </button>
        <input
          className="page-input"
          aria-label={t('viewer.page')}
          value={current}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (n >= 1 && n <= pages.length) goToPage(n);
          }}
        />
        <span data-testid="page-count">/ {pages.length}</span>
        <button
          onClick={() => goToPage(Math.min(pages.length, current + 1))}
          aria-label={t('viewer.next')}
        >
          ›
        </button>
      </div>
      <div
        className="pdf-scroll"
        ref={scroller}
        onScroll={onScroll}
        data-testid="pdf-scroll"
        onMouseUp={() => {
          const selected =
            onSelectText &&
            selectedAnchor(
              scroller.current!,
              '.pdf-page',
              (i, x, y) =>
                pages[i].page.getViewport({ scale }).convertToPdfPoint(x, y) as [number, number],
            );
          if (selected) onSelectText(selected.positions, selected.quote);
        }}
      >
        {passwordPrompt && (
          <form
            className="password"
            onSubmit={(e) => {
              e.preventDefault();
              passwordPrompt.update(password);
              setPasswordPrompt(null);
              setPassword('');
            }}
          >
            <label>
              {passwordPrompt.wrong ? t('viewer.passwordWrong') : t('viewer.passwordAsk')}
              <input
                type="password"
                autoFocus
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="viewer-password"
              />
            </label>
            <button className="primary" type="submit">
              {t('viewer.passwordOpen')}
            </button>
          </form>
        )}
        {loadError && (
          <div className="notice error" role="alert" data-testid="pdf-error">
            {t('viewer.loadError', { message: loadError })}
          </div>
        )}
        {!doc && !passwordPrompt && !loadError && (
          <div className="loading">{t('viewer.loading')}</div>
        )}
        {pages.map((p, i) => (
          <PageView
            key={i}
            info={p}
            index={i}
            scale={scale}
            highlight={highlight}
            annotations={annotations}
            onAnnotationClick={onAnnotationClick}
            ocrRuns={ocrText?.[i]?.runs}
          />
        ))}
      </div>
    </div>
  );
}
