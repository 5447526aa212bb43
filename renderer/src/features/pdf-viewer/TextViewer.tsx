/** The text of a TXT/MD/DOCX contract in place of the PDF, with the selected span highlighted. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Anchor } from '../../lib/report-types';

export function TextViewer({
  text,
  format,
  highlight,
}: {
  text: string;
  format: string;
  highlight: Anchor | null;
}) {
  const { t } = useTranslation();
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
      <div className="text-body" data-testid="text-body">
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
