/** The text of a TXT/MD/DOCX contract in place of the PDF, with the selected span highlighted. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Anchor } from '../../lib/report-types';

/** Character offset of a DOM position within `root`'s text. */
function offsetIn(root: Node, node: Node, offset: number): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return total + offset;
    total += n.textContent?.length ?? 0;
  }
  return total;
}

export function TextViewer({
  text,
  format,
  highlight,
  onSelectText,
}: {
  text: string;
  format: string;
  highlight: Anchor | null;
  /** Called with the offsets of text the reviewer selected. */
  onSelectText?: (start: number, end: number) => void;
}) {
  const { t } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [highlight]);
  const s = highlight?.start ?? 0;
  const e = highlight?.end ?? 0;
  return (
    <div className="text-viewer">
      <div className="viewer-toolbar">
        {t('viewer.textSource', { format: format.toUpperCase() })}
      </div>
      <div
        className="text-body"
        data-testid="text-body"
        ref={body}
        onMouseUp={() => {
          const sel = window.getSelection();
          if (!onSelectText || !sel || sel.isCollapsed || !sel.rangeCount || !body.current) return;
          const r = sel.getRangeAt(0);
          const a = offsetIn(body.current, r.startContainer, r.startOffset);
          const b = offsetIn(body.current, r.endContainer, r.endOffset);
          if (b > a) onSelectText(a, b);
        }}
      >
        {highlight ? (
          <>
            {text.slice(0, s)}
            <mark ref={mark} data-testid="highlight">
              {text.slice(s, e)}
            </mark>
            {text.slice(e)}
          </>
        ) : (
          text
        )}
      </div>
    </div>
  );
}
