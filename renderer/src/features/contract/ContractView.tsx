/**
 * One contract: the clause outline and key terms on the left, the PDF (or the text of a TXT/DOCX
 * contract) on the right. Selecting a clause or a term scrolls the document to it and
 * highlights its rectangles.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractSummary, Response } from '../../../../shared/ipc/contract';
import { call } from '../../lib/ipc';
import { useErrorText } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import type { TFunction } from 'i18next';
import { canonicalText } from '../../../../shared/domain/text/normalize';
import { download } from '../../lib/download';
import type { Anchor, ReviewReport } from '../../lib/report-types';
import { ClauseOutline } from './ClauseOutline';
import { KeyTermsPanel } from './KeyTermsPanel';
import { FindingsPanel } from '../findings/FindingsPanel';
import { triageCounts, type TriageMap } from '../../../../shared/domain/triage';
import { PenaltiesPanel } from '../penalties/PenaltiesPanel';
import { NdaPanel } from '../nda/NdaPanel';
import { CalculatorsPanel } from '../calculators/CalculatorsPanel';
import { ChecklistPanel } from '../checklist/ChecklistPanel';
import type { Scenario } from '../../../../shared/domain/checklist';
import type { PaymentEvents } from '../../../../shared/domain/calculators/payments';
import type { Annotation, SignOff } from '../../../../shared/domain/annotations';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { PdfViewer } from '../pdf-viewer/PdfViewer';
import { TextViewer } from '../pdf-viewer/TextViewer';
import { LayoutViewer } from '../pdf-viewer/LayoutViewer';
import { RevealContext } from '../../lib/pii';

type Tab =
  | 'outline'
  | 'terms'
  | 'findings'
  | 'penalties'
  | 'nda'
  | 'calculators'
  | 'checklist'
  | 'annotations';

interface Loaded {
  summary: ContractSummary;
  text: string;
  report: ReviewReport;
  pdf: Uint8Array | null;
  /** An OFD's pages, drawn from their text runs. */
  pages: Response<'contracts:pages'>['pages'] | null;
  scenarios: Scenario[];
  events: PaymentEvents;
  annotations: Annotation[];
  signOff: SignOff | null;
  triage: TriageMap;
  history: { at: string; summary: string; toVersion: number }[];
}

/** What to show first: a search hit's anchor, or a clause (from the comparison matrix). */
export interface InitialSelection {
  anchor?: Anchor | null;
  clauseId?: string | null;
}

/** 问题（m）, or 问题（n/m） once some are decided: n still to act on (待处理 or 已确认) of m. */
function findingsTabLabel(report: ReviewReport, triage: TriageMap, t: TFunction): string {
  const c = triageCounts(report.findings, triage);
  const unsettled = c.byStatus.open + c.byStatus.accepted;
  return unsettled === report.findings.length
    ? t('contract.tab.findings', { n: report.findings.length })
    : t('contract.tab.findingsOpen', { open: unsettled, n: report.findings.length });
}

const TABS: Tab[] = [
  'outline',
  'terms',
  'findings',
  'penalties',
  'nda',
  'calculators',
  'checklist',
  'annotations',
];

/**
 * The tab strip's keys (WAI-ARIA tabs, automatic activation): ←/→ move to and open the
 * previous/next tab, Home/End the first/last; the strip is one Tab stop, the open tab.
 */
function tabKey(e: KeyboardEvent, tab: Tab, open: (t: Tab) => void): void {
  const i = TABS.indexOf(tab);
  const next =
    e.key === 'ArrowRight'
      ? TABS[(i + 1) % TABS.length]
      : e.key === 'ArrowLeft'
        ? TABS[(i - 1 + TABS.length) % TABS.length]
        : e.key === 'Home'
          ? TABS[0]
          : e.key === 'End'
            ? TABS[TABS.length - 1]
            : null;
  if (!next) return;
  e.preventDefault();
  open(next);
}

export function ContractView({ id, initial }: { id: string; initial?: InitialSelection }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useErrorText();
  const tabStrip = useRef<HTMLDivElement>(null);

  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('outline');
  const [selected, setSelected] = useState<{ key: string; anchor: Anchor } | null>(null);
  const [draft, setDraft] = useState<Anchor | null>(null);
  const [printing, setPrinting] = useState(false);
  // Personal data in the panels stays masked until the reviewer reveals it (`lib/pii.ts`).
  const [revealed, setRevealed] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const c = await call('contracts:get', { id });
      // An image file comes as the one-page PDF made of it at import.
      const pdf =
        c.summary.format === 'pdf' || c.summary.format === 'image'
          ? (await call('contracts:file', { id })).bytes
          : null;
      // An OFD's pages are drawn from its text runs (read again from the original in main).
      // A scan's pages carry what OCR read, laid over the images as a selectable text layer.
      const pages =
        c.summary.format === 'ofd' || c.summary.ocrPages.length
          ? (await call('contracts:pages', { id })).pages
          : null;
      if (live && initial) {
        const report = c.report as ReviewReport;
        const clause = initial.clauseId
          ? report.clauses.find((x) => x.id === initial.clauseId)
          : null;
        if (initial.anchor) setSelected({ key: 'search', anchor: initial.anchor });
        else if (clause) setSelected({ key: `clause:${clause.id}`, anchor: clause.anchor });
      }
      if (live)
        setData({
          summary: c.summary,
          text: c.text,
          report: c.report as ReviewReport,
          pdf,
          pages,
          scenarios: c.scenarios as Scenario[],
          events: c.events,
          annotations: c.annotations as Annotation[],
          signOff: (c.signOff as SignOff | null) ?? null,
          triage: (c.triage ?? {}) as TriageMap,
          history: c.history ?? [],
        });
    })().catch((err: unknown) => setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [id]);

  // Opened from the library: the keyboard goes on from the open tab, not from nowhere.
  const loaded = data !== null;
  useEffect(() => {
    if (loaded) tabStrip.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }, [loaded]);

  if (error)
    return (
      <div className="notice error" role="alert">
        {error}
      </div>
    );
  if (!data)
    return (
      <div className="loading" role="status">
        {t('contract.loading')}
      </div>
    );
  const select = (key: string, anchor: Anchor) => setSelected({ key, anchor });
  // Annotations on pages (a PDF's, an OFD's): drawn over their words; selected words start one.
  const pageAnnotations = {
    annotations: data.annotations.filter((a) => !a.deleted),
    onSelectText: (positions: Anchor['positions'], quote: string) => {
      // Offsets into the analysed text, where the quote can be found; the rectangles are the
      // anchor. A text layer shows what the PDF maps its glyphs to (radicals such as ⻚ among
      // them); the analysed text holds the ideographs they stand for.
      const compact = canonicalText(quote).replace(/\s+/g, '');
      const start = Math.max(0, data.text.indexOf(compact));
      setDraft({ start, end: start + compact.length, quote: compact, positions });
      setTab('annotations');
    },
    onAnnotationClick: (annId: string) => {
      const a = data.annotations.find((x) => x.id === annId);
      setTab('annotations');
      if (a) select(`ann:${a.id}`, a.anchor);
    },
  };

  return (
    <RevealContext.Provider value={revealed}>
      <div className="contract-view">
        <aside className={`side ${tab === 'calculators' || tab === 'checklist' ? 'wide' : ''}`}>
          <h1
            className="contract-title"
            title={data.summary.fileName}
            lang="zh-CN"
            data-testid="contract-title"
          >
            {data.report.contract.title ?? data.summary.fileName}
          </h1>
          {data.report.scope && (
            <div
              className={`scope-line ${data.report.scope.whole ? '' : 'part'}`}
              data-testid="scope"
            >
              {labels.scope(data.report.scope)}
            </div>
          )}
          {data.history.length > 0 && (
            <div
              className="scope-line"
              data-testid="history"
              title={data.history.map((h) => `${h.at.slice(0, 10)} ${h.summary}`).join('\n')}
            >
              {t('contract.reanalysed', {
                on: data.history[data.history.length - 1].at.slice(0, 10),
              })}{' '}
              <span lang="zh-CN">{data.history[data.history.length - 1].summary}</span>
            </div>
          )}
          {(data.report.limitations ?? []).map((l) => (
            <div
              key={l}
              className="scope-line limitation"
              data-testid="limitation"
              role="note"
              lang="zh-CN"
            >
              {l}
            </div>
          ))}
          <div className="export-bar">
            <button
              className="link"
              aria-pressed={revealed}
              onClick={() => setRevealed(!revealed)}
              title={t('contract.personalDataTitle')}
              data-testid="reveal-personal-data"
            >
              {revealed ? t('contract.hidePersonalData') : t('contract.showPersonalData')}
            </button>
            {t('contract.export')}
            {(['json', 'html', 'xlsx', 'pdf'] as const).map((format) => (
              <button
                key={format}
                className="link"
                data-testid={`export-${format}`}
                disabled={printing && format === 'pdf'}
                title={format === 'pdf' ? t('contract.printTitle') : undefined}
                onClick={async () => {
                  if (format === 'pdf') setPrinting(true);
                  setExportError(null);
                  try {
                    const r = await call('report:export', { id, format });
                    download(r.fileName, r.bytes);
                  } catch (err) {
                    setExportError(errorText(err));
                  } finally {
                    if (format === 'pdf') setPrinting(false);
                  }
                }}
              >
                {format === 'pdf'
                  ? printing
                    ? t('contract.printing')
                    : t('contract.print')
                  : format.toUpperCase()}
              </button>
            ))}
            {exportError && (
              <span className="notice error" role="alert">
                {exportError}
              </span>
            )}
          </div>
          <div
            className="tabs"
            role="tablist"
            aria-label={t('contract.tabs')}
            ref={tabStrip}
            onKeyDown={(e) =>
              tabKey(e, tab, (next) => {
                setTab(next);
                // The new tab takes the focus once it is drawn as the strip's one stop.
                requestAnimationFrame(() =>
                  tabStrip.current
                    ?.querySelector<HTMLElement>(`[data-testid="tab-${next}"]`)
                    ?.focus(),
                );
              })
            }
          >
            {TABS.map((tabId) => {
              const label =
                tabId === 'outline'
                  ? t('contract.tab.outline', { n: data.report.clauses.length })
                  : tabId === 'findings'
                    ? findingsTabLabel(data.report, data.triage, t)
                    : tabId === 'annotations'
                      ? t('contract.tab.annotations', {
                          n: data.annotations.filter((a) => !a.deleted).length,
                        })
                      : t(`contract.tab.${tabId}`);
              return (
                <button
                  key={tabId}
                  id={`tab-${tabId}`}
                  role="tab"
                  aria-selected={tab === tabId}
                  aria-controls="side-panel"
                  tabIndex={tab === tabId ? 0 : -1}
                  onClick={() => setTab(tabId)}
                  data-testid={`tab-${tabId}`}
                >
                  {label}
                </button>
              );
            })}
          </div>
          <div className="side-body" role="tabpanel" id="side-panel" aria-labelledby={`tab-${tab}`}>
            {tab === 'outline' && (
              <ClauseOutline
                clauses={data.report.clauses}
                selectedKey={selected?.key ?? null}
                onSelect={select}
              />
            )}
            {tab === 'terms' && (
              <KeyTermsPanel
                report={data.report}
                selectedKey={selected?.key ?? null}
                onSelect={select}
              />
            )}
            {tab === 'findings' && (
              <FindingsPanel
                report={data.report}
                selectedKey={selected?.key ?? null}
                onSelect={select}
                contractId={id}
                triage={data.triage}
                onTriage={(triage) => setData({ ...data, triage })}
              />
            )}
            {tab === 'penalties' && (
              <PenaltiesPanel
                report={data.report}
                selectedKey={selected?.key ?? null}
                onSelect={select}
              />
            )}
            {tab === 'nda' && (
              <NdaPanel
                report={data.report}
                selectedKey={selected?.key ?? null}
                onSelect={select}
                contractId={id}
              />
            )}
            {tab === 'calculators' && (
              <CalculatorsPanel
                report={data.report}
                selectedKey={selected?.key ?? null}
                onSelect={select}
                contractId={id}
                text={data.text}
                scenarios={data.scenarios}
                events={data.events}
                onScenariosChange={(scenarios) => setData({ ...data, scenarios })}
                onEventsChange={(events) => setData({ ...data, events })}
              />
            )}
            {tab === 'annotations' && (
              <AnnotationsPanel
                contractId={id}
                annotations={data.annotations}
                onChange={(annotations) => setData({ ...data, annotations })}
                draft={draft}
                onDraftDone={() => setDraft(null)}
                signOff={data.signOff}
                onSignOff={(signOff) => setData({ ...data, signOff })}
                selectedKey={selected?.key ?? null}
                onSelect={select}
              />
            )}
            {tab === 'checklist' && (
              <ChecklistPanel
                contractId={id}
                onLocate={(clauseId) => {
                  const c = data.report.clauses.find((x) => x.id === clauseId);
                  if (c) select(`clause:${c.id}`, c.anchor);
                }}
              />
            )}
          </div>
        </aside>
        <section className="doc">
          {data.pdf ? (
            <PdfViewer
              data={data.pdf}
              ocrText={data.pages}
              highlight={selected?.anchor ?? null}
              {...pageAnnotations}
            />
          ) : data.pages?.length ? (
            <LayoutViewer
              pages={data.pages}
              format={data.summary.format}
              highlight={selected?.anchor ?? null}
              {...pageAnnotations}
            />
          ) : (
            <TextViewer
              text={data.text}
              format={data.summary.format}
              highlight={selected?.anchor ?? null}
              onSelectText={(start, end) => {
                setDraft({ start, end, quote: data.text.slice(start, end), positions: [] });
                setTab('annotations');
              }}
            />
          )}
        </section>
      </div>
    </RevealContext.Provider>
  );
}
