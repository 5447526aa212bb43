/**
 * Findings with severity and triage filters; each jumps to the text that triggered it, and each
 * takes the reviewer's decision — 待处理 / 已确认 / 误报 / 已解决 — with a note, signed by main
 * with the reviewer's name and kept with every earlier decision (`shared/domain/triage.ts`).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../../shared/domain/findings/types';
import {
  TRIAGE_STATUSES,
  findingKey,
  triageCounts,
  triageOf,
  type TriageMap,
  type TriageRecord,
  type TriageStatus,
} from '../../../../shared/domain/triage';
import type { PanelProps } from '../../lib/panel';
import { mergeAnchors } from '../../lib/anchors';
import { call } from '../../lib/ipc';
import { formatTime } from '../../lib/format';
import { useReviewer } from '../../lib/reviewer';
import { useErrorText } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import { ReviewerField } from '../../components/ReviewerField';
import { ClauseRef, useCiter } from '../../components/ClauseRef';
import { groupFindings, messageWithoutRule } from '../../../../shared/domain/findings/display';
import { usePersonalData } from '../../lib/pii';

const SEVERITIES: Severity[] = ['high', 'medium', 'low'];

/** The triage filter: every finding, those still to act on, or one state. */
type TriageFilter = 'all' | 'unsettled' | TriageStatus;

export function FindingsPanel({
  report,
  selectedKey,
  onSelect,
  contractId,
  triage,
  onTriage,
}: PanelProps & {
  contractId: string;
  triage: TriageMap;
  onTriage: (triage: TriageMap) => void;
}) {
  const { t: tr, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const labels = useLabels();
  const errorText = useErrorText();
  const cite = useCiter(report.clauses);
  const pii = usePersonalData();
  const [shown, setShown] = useState<Record<Severity, boolean>>({
    high: true,
    medium: true,
    low: true,
  });
  const [filter, setFilter] = useState<TriageFilter>('all');
  /** The finding whose decision is being written: its key and the state chosen. */
  const [deciding, setDeciding] = useState<{ key: string; status: TriageStatus } | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reviewer = useReviewer();
  const { saved } = reviewer;

  const counts = triageCounts(report.findings, triage);
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  // Alike findings (same rule, message and words) are one item, "2 处", highlighting each place.
  const list = groupFindings(report.findings.map((f, i) => ({ ...f, index: i })))
    .map((g) => ({
      f: g.first,
      all: g.all,
      key: `finding:${g.first.index}`,
      t: triageOf(triage, g.first),
    }))
    .filter(({ f, t }) => {
      const status = t?.status ?? 'open';
      if (!shown[f.severity]) return false;
      if (filter === 'all') return true;
      if (filter === 'unsettled') return status === 'open' || status === 'accepted';
      return status === filter;
    });

  const save = async (f: { ruleId: string; quote: string }, status: TriageStatus) => {
    setError(null);
    try {
      await saved();
      const r = await call('findings:triage', {
        id: contractId,
        ruleId: f.ruleId,
        quote: f.quote,
        status,
        note: note.trim(),
      });
      onTriage({ ...triage, [findingKey(f)]: r.record as TriageRecord });
      setDeciding(null);
      setNote('');
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <div className="findings" data-testid="findings">
      <div className="filters" role="group" aria-label={tr('findings.severityFilter')}>
        {SEVERITIES.map((s) => (
          <label key={s} className={`sev sev-${s}`}>
            <input
              type="checkbox"
              checked={shown[s]}
              data-testid={`filter-${s}`}
              onChange={(e) => setShown({ ...shown, [s]: e.target.checked })}
            />
            {tr('findings.severityCount', { severity: labels.word('severity', s), n: count(s) })}
          </label>
        ))}
      </div>
      <div className="filters triage-filters">
        <select
          value={filter}
          onChange={(e) => setFilter(e.target.value as TriageFilter)}
          aria-label={tr('findings.triageFilter')}
          data-testid="triage-filter"
        >
          <option value="all">{tr('findings.all', { n: report.findings.length })}</option>
          <option value="unsettled">
            {tr('findings.unsettled', { n: counts.byStatus.open + counts.byStatus.accepted })}
          </option>
          {TRIAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tr('findings.statusCount', {
                status: labels.word('triage', s),
                n: counts.byStatus[s],
              })}
            </option>
          ))}
        </select>
        <ReviewerField name={reviewer} testId="triage-reviewer" />
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {list.length === 0 && (
        <p className="empty-small">
          {report.findings.length ? tr('findings.noMatch') : tr('findings.none')}
        </p>
      )}
      <ul>
        {list.map(({ f, all, key, t }) => {
          const status = t?.status ?? 'open';
          const open = deciding?.key === key;
          return (
            <li
              key={key}
              className={`finding-item triage-${status}`}
              data-testid="finding-item"
              data-triage={status}
            >
              <button
                className={`finding ${selectedKey === key ? 'selected' : ''}`}
                data-rule={f.ruleId}
                data-severity={f.severity}
                onClick={() => onSelect(key, mergeAnchors(all.flatMap((x) => x.anchors)))}
              >
                <span className={`sev-tag sev-${f.severity}`}>
                  {labels.word('severity', f.severity)}
                </span>
                <span className="rule">{labels.rule(f.ruleId)}</span>
                <ClauseRef cite={cite} clause={f.clauseIds} page={f.page} />
                {all.length > 1 && (
                  <span className="places" data-testid="finding-places">
                    {tr('findings.places', { n: all.length })}
                  </span>
                )}
                {/* The analysis words every finding in Chinese and in English. */}
                <span className="message" lang={english ? 'en' : 'zh-CN'}>
                  {pii(
                    english
                      ? messageWithoutRule(f.messageEn, labels.rule(f.ruleId))
                      : messageWithoutRule(f.message, labels.rule(f.ruleId)),
                  )}
                </span>
                <span className="quote" lang="zh-CN" data-testid="finding-quote">
                  “{pii(f.quote.length > 80 ? `${f.quote.slice(0, 80)}…` : f.quote)}”
                </span>
              </button>
              <div className="triage-bar">
                <select
                  value={open ? deciding.status : status}
                  aria-label={tr('findings.triageStatus')}
                  data-testid="triage-status"
                  onChange={(e) => {
                    const next = e.target.value as TriageStatus;
                    setDeciding({ key, status: next });
                    // The same state again edits its note; another state starts a new one.
                    setNote(next === status ? (t?.note ?? '') : '');
                  }}
                >
                  {TRIAGE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {labels.word('triage', s)}
                    </option>
                  ))}
                </select>
                {t && !open && (
                  <span className="triage-by" data-testid="triage-by">
                    {t.by} · {formatTime(t.at)}
                    {t.via ? ` · ${tr('findings.viaBundle')}` : ''}
                    {t.note && (
                      <span className="triage-note">
                        {tr('findings.noteSuffix', { note: t.note })}
                      </span>
                    )}
                  </span>
                )}
              </div>
              {open && (
                <form
                  className="triage-form"
                  data-testid="triage-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void save(f, deciding.status);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') {
                      // The form's own Esc: it closes, the screen stays.
                      e.preventDefault();
                      setDeciding(null);
                    }
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      void save(f, deciding.status);
                    }
                  }}
                >
                  <textarea
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                    placeholder={
                      deciding.status === 'false_positive'
                        ? tr('findings.whyFalsePositive')
                        : tr('findings.notePlaceholder')
                    }
                    rows={2}
                    maxLength={2000}
                    autoFocus
                    aria-label={tr('findings.note')}
                    data-testid="triage-note"
                  />
                  <div className="triage-actions">
                    <button className="primary" type="submit" data-testid="triage-save">
                      {tr('findings.markAs', { status: labels.word('triage', deciding.status) })}
                    </button>
                    <button type="button" onClick={() => setDeciding(null)}>
                      {tr('common.cancel')}
                    </button>
                  </div>
                </form>
              )}
              {t && t.history.length > 0 && (
                <details className="triage-history">
                  <summary>{tr('findings.history', { n: t.history.length + 1 })}</summary>
                  <ol>
                    {[...t.history, t].map((h, i) => (
                      <li key={i}>
                        {tr('findings.historyLine', {
                          at: formatTime(h.at),
                          by: h.by,
                          status: labels.word('triage', h.status),
                        })}
                        {h.note ? tr('findings.historyNote', { note: h.note }) : ''}
                      </li>
                    ))}
                  </ol>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
