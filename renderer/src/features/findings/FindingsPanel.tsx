/**
 * Findings with severity and triage filters; each jumps to the text that triggered it, and each
 * takes the reviewer's decision — 待处理 / 已确认 / 误报 / 已解决 — with a note, signed by main
 * with the reviewer's name and kept with every earlier decision (`shared/domain/triage.ts`).
 */
import { useState } from 'react';
import { RULE_LABELS, SEVERITY_LABELS } from '../../../../shared/domain/labels';
import type { Severity } from '../../../../shared/domain/findings/types';
import {
  TRIAGE_LABELS,
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
  const { reviewer, setReviewer, saved } = useReviewer();

  const counts = triageCounts(report.findings, triage);
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  const list = report.findings
    .map((f, i) => ({ f, key: `finding:${i}`, t: triageOf(triage, f) }))
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
      setError((err as Error).message);
    }
  };

  return (
    <div className="findings" data-testid="findings">
      <div className="filters" role="group" aria-label="按严重程度筛选">
        {SEVERITIES.map((s) => (
          <label key={s} className={`sev sev-${s}`}>
            <input
              type="checkbox"
              checked={shown[s]}
              data-testid={`filter-${s}`}
              onChange={(e) => setShown({ ...shown, [s]: e.target.checked })}
            />
            {SEVERITY_LABELS[s]}（{count(s)}）
          </label>
        ))}
      </div>
      <div className="filters triage-filters">
        <select
          value={filter}
          onChange={(e) => setFilter(e.target.value as TriageFilter)}
          aria-label="按处理状态筛选"
          data-testid="triage-filter"
        >
          <option value="all">全部（{report.findings.length}）</option>
          <option value="unsettled">
            未决（{counts.byStatus.open + counts.byStatus.accepted}）
          </option>
          {TRIAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TRIAGE_LABELS[s]}（{counts.byStatus[s]}）
            </option>
          ))}
        </select>
        <label className="reviewer-field">
          审阅人
          <input
            value={reviewer}
            onChange={(e) => setReviewer(e.target.value)}
            placeholder="姓名"
            data-testid="triage-reviewer"
          />
        </label>
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {list.length === 0 && <p className="empty-small">没有符合条件的问题。</p>}
      <ul>
        {list.map(({ f, key, t }) => {
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
                onClick={() => onSelect(key, mergeAnchors(f.anchors))}
              >
                <span className={`sev-tag sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
                <span className="rule">{RULE_LABELS[f.ruleId] ?? f.ruleId}</span>
                {f.page && <span className="page">p.{f.page}</span>}
                <span className="message">{f.message}</span>
                <span className="quote">
                  “{f.quote.length > 80 ? `${f.quote.slice(0, 80)}…` : f.quote}”
                </span>
              </button>
              <div className="triage-bar">
                <select
                  value={open ? deciding.status : status}
                  aria-label="处理状态"
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
                      {TRIAGE_LABELS[s]}
                    </option>
                  ))}
                </select>
                {t && !open && (
                  <span className="triage-by" data-testid="triage-by">
                    {t.by} · {formatTime(t.at)}
                    {t.via ? ' · 来自审阅包' : ''}
                    {t.note && <span className="triage-note">：{t.note}</span>}
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
                    if (e.key === 'Escape') setDeciding(null);
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
                        ? '为何是误报（重新分析后仍保持忽略）'
                        : '处理说明（可选）'
                    }
                    rows={2}
                    maxLength={2000}
                    autoFocus
                    aria-label="处理说明"
                    data-testid="triage-note"
                  />
                  <div className="triage-actions">
                    <button className="primary" type="submit" data-testid="triage-save">
                      标为{TRIAGE_LABELS[deciding.status]}
                    </button>
                    <button type="button" onClick={() => setDeciding(null)}>
                      取消
                    </button>
                  </div>
                </form>
              )}
              {t && t.history.length > 0 && (
                <details className="triage-history">
                  <summary>处理记录（{t.history.length + 1}）</summary>
                  <ol>
                    {[...t.history, t].map((h, i) => (
                      <li key={i}>
                        {formatTime(h.at)} {h.by}：{TRIAGE_LABELS[h.status]}
                        {h.note ? `（${h.note}）` : ''}
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
