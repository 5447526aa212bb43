/**
 * The comparison of the selected contracts, in two views: the matrix (terms as rows, contracts
 * as columns headed by supplier and date, the full title on hover; the term column stays in view
 * when the table scrolls sideways) coloured by whom each value favours, and the clause diff.
 * Each matrix cell opens its clause.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareContracts, type ComparisonMatrix } from '../../../../shared/domain/compare/matrix';
import { shortHead } from '../../../../shared/domain/compare/matrix-text';
import { call } from '../../lib/ipc';
import { useErrorText } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import type { ReviewReport } from '../../lib/report-types';
import { ClauseDiff, type StandardClause } from './ClauseDiff';
import type { NdaPlaybook } from '../../../../shared/domain/nda/playbook';
import { cellText, favoursText, termLabel } from './matrix-words';

type CompareTab = 'matrix' | 'diff';

export function CompareView({
  ids,
  onOpenClause,
}: {
  ids: string[];
  onOpenClause: (contractId: string, clauseId: string | null) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useErrorText();
  // The contracts are read once per selection, not again when the language changes.
  const words = useRef(errorText);
  words.current = errorText;
  const [tab, setTab] = useState<CompareTab>('matrix');
  const [matrix, setMatrix] = useState<ComparisonMatrix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sources, setSources] = useState<{ id: string; title: string; report: ReviewReport }[]>([]);
  const [standardText, setStandardText] = useState('');
  useEffect(() => {
    void call('playbook:get', {}).then(
      (p) => setStandardText((p as NdaPlaybook).standardClause ?? ''),
      () => undefined,
    );
  }, []);
  const standards = useMemo<StandardClause[]>(
    () => [
      {
        key: 'playbook:confidentiality',
        category: 'confidentiality',
        label: t('compare.standardClause'),
        text: standardText,
      },
    ],
    [standardText, t],
  );
  useEffect(() => {
    Promise.all(ids.map((id) => call('contracts:get', { id }))).then(
      (cs) => {
        const list = cs.map((c) => ({
          id: c.summary.id,
          title: c.summary.title ?? c.summary.fileName,
          report: c.report as ReviewReport,
        }));
        setSources(list);
        setMatrix(compareContracts(list));
      },
      (err: unknown) => setError(words.current(err)),
    );
  }, [ids]);
  if (error)
    return (
      <div className="notice error" role="alert">
        {error}
      </div>
    );
  if (!matrix) return <div className="loading">{t('compare.loading')}</div>;
  return (
    <div className="compare" data-testid="compare">
      <div className="tabs" role="tablist" aria-label={t('compare.views')}>
        {(['matrix', 'diff'] as const).map((v) => (
          <button
            key={v}
            role="tab"
            aria-selected={tab === v}
            tabIndex={tab === v ? 0 : -1}
            onClick={() => setTab(v)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                const next = v === 'matrix' ? 'diff' : 'matrix';
                setTab(next);
                (
                  e.currentTarget.parentElement?.querySelector(
                    `[data-testid="compare-tab-${next}"]`,
                  ) as HTMLElement | null
                )?.focus();
              }
            }}
            data-testid={`compare-tab-${v}`}
          >
            {t(`compare.tab.${v}`)}
          </button>
        ))}
      </div>
      {tab === 'diff' ? (
        <ClauseDiff sources={sources} standards={standards} />
      ) : (
        <>
          <p className="hint legend">
            <span className="swatch fav-a" aria-hidden /> {t('compare.legendA')}{' '}
            <span className="swatch fav-b" aria-hidden /> {t('compare.legendB')}{' '}
            {t('compare.legendClick')}
          </p>
          <div className="matrix-scroll">
            <table className="grid matrix" data-testid="matrix">
              <thead>
                <tr>
                  <th className="term">{t('compare.term.head')}</th>
                  <th>{t('compare.favoursHead')}</th>
                  {matrix.contracts.map((c) => (
                    <th key={c.id} title={c.title} lang="zh-CN" data-testid="matrix-head">
                      {shortHead(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((r) => (
                  <tr key={r.key} data-row={r.key}>
                    <th className="term">{termLabel(r.term, t, labels)}</th>
                    <td className="favours" data-testid="favours">
                      {favoursText(r, t, labels) || '—'}
                    </td>
                    {matrix.contracts.map((c) => {
                      const cell = r.cells[c.id];
                      const fav = r.bestFor.partyA.includes(c.id)
                        ? 'fav-a'
                        : r.bestFor.partyB.includes(c.id)
                          ? 'fav-b'
                          : '';
                      const text = cell ? cellText(cell.cell, t, labels) : '—';
                      return (
                        <td
                          key={c.id}
                          className={`${fav} ${cell ? 'has' : ''} ${r.term.kind === 'totalAmount' ? 'num' : ''}`}
                          data-favours={fav ? (fav === 'fav-a' ? 'partyA' : 'partyB') : undefined}
                          lang={cell?.cell.kind === 'quote' ? 'zh-CN' : undefined}
                        >
                          {cell ? (
                            <button
                              className="cell-link"
                              onClick={() => onOpenClause(c.id, cell.clauseId)}
                              title={cell.page ? t('common.page', { n: cell.page }) : undefined}
                            >
                              {text}
                              {fav && (
                                <span className="badge">
                                  {fav === 'fav-a' ? t('compare.bestA') : t('compare.bestB')}
                                </span>
                              )}
                            </button>
                          ) : (
                            text
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
