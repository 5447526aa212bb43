/**
 * The obligation checklist: items of one contract (or of all contracts), viewed month by month
 * (a monthly execution table), filtered by party, status and due window; each with a status
 * (未开始 / 进行中 / 已完成 / 不适用), a note, evidence files and who changed it when. Exports to
 * XLSX and CSV.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHECKLIST_STATUS_LABELS,
  type ChecklistStatus,
} from '../../../../shared/domain/obligations/schedule';
import type { ChecklistRow } from '../../../../shared/domain/checklist';
import { call } from '../../lib/ipc';
import { useReviewer } from '../../lib/reviewer';
import { useErrorText } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import { formatTime } from '../../lib/format';
import { ReviewerField } from '../../components/ReviewerField';
import { Citation } from '../../components/ClauseRef';
import { download } from '../../lib/download';
import type { Anchor } from '../../lib/report-types';
import { usePersonalData } from '../../lib/pii';

const STATUSES = Object.keys(CHECKLIST_STATUS_LABELS) as ChecklistStatus[];

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function Item({
  row,
  saved,
  onSaved,
  onLocate,
}: {
  row: ChecklistRow;
  /** Waits for the reviewer's name being saved: main signs the change with it. */
  saved: () => Promise<void>;
  onSaved: (r: ChecklistRow) => void;
  onLocate?: (row: ChecklistRow) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useErrorText();
  const pii = usePersonalData();
  const [status, setStatus] = useState<ChecklistStatus>(row.state.status);
  const [note, setNote] = useState(row.state.note);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = status !== row.state.status || note !== row.state.note;
  const overdue =
    row.dueDate &&
    row.dueDate < today() &&
    row.state.status !== 'done' &&
    row.state.status !== 'not_applicable';
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await saved();
      const res = await call('checklist:update', {
        id: row.contractId,
        itemId: row.id,
        status,
        note,
      });
      onSaved({ ...row, state: res.state as ChecklistRow['state'] });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const last = row.state.history[row.state.history.length - 1];
  return (
    <li
      className={`check-item status-${row.state.status} ${overdue ? 'overdue' : ''}`}
      data-item={row.id}
      data-testid="check-item"
    >
      <div className="check-head">
        <span className="due">{row.dueDate ?? '—'}</span>
        <span className="party">{labels.party(row.party)}</span>
        <span className="freq">{labels.word('frequency', row.frequency)}</span>
        <button
          className="link action"
          onClick={() => onLocate?.(row)}
          title={pii(row.basis)}
          lang="zh-CN"
        >
          {pii(row.action)}
        </button>
        <Citation text={row.clause} page={row.page} />
        {row.deliverable && (
          <span className="deliverable" lang="zh-CN">
            {pii(row.deliverable)}
          </span>
        )}
        {overdue && <span className="warn">{t('checklist.overdue')}</span>}
      </div>
      <div className="check-edit">
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as ChecklistStatus)}
          aria-label={t('checklist.status')}
          data-testid="check-status"
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels.word('checklistStatus', s)}
            </option>
          ))}
        </select>
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('checklist.note')}
          aria-label={t('checklist.note')}
          data-testid="check-note"
        />
        <button
          className="primary"
          disabled={!dirty || busy}
          onClick={() => void save()}
          data-testid="check-save"
        >
          {t('common.save')}
        </button>
        <label className="evidence">
          {t('checklist.evidence')}
          <input
            type="file"
            hidden
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              setError(null);
              try {
                await saved();
                const res = await call('checklist:evidence', {
                  id: row.contractId,
                  itemId: row.id,
                  fileName: file.name,
                  bytes: new Uint8Array(await file.arrayBuffer()),
                });
                onSaved({ ...row, state: res.state as ChecklistRow['state'] });
              } catch (err) {
                setError(errorText(err));
              }
            }}
          />
        </label>
        {row.state.evidence.length > 0 && (
          <span className="sub">
            {row.state.evidence.map((e) => e.fileName).join(t('common.listComma'))}
          </span>
        )}
        {last && (
          <span
            className="sub"
            data-testid="check-history"
            title={row.state.history
              .map((h) =>
                t('checklist.historyLine', {
                  at: formatTime(h.at),
                  by: h.by,
                  status: labels.word('checklistStatus', h.status),
                  note: h.note,
                }),
              )
              .join('\n')}
          >
            {last.by} · {formatTime(last.at)}
          </span>
        )}
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export function ChecklistPanel({
  contractId,
  onLocate,
}: {
  /** One contract, or null for all contracts. */
  contractId: string | null;
  onLocate?: (clauseId: string | null, anchor: Anchor | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [rows, setRows] = useState<ChecklistRow[] | null>(null);
  const [party, setParty] = useState<'all' | 'partyA' | 'partyB'>('all');
  const [status, setStatus] = useState<'all' | ChecklistStatus>('all');
  const [window, setWindow] = useState<'all' | 'overdue' | 'next30'>('all');
  const [month, setMonth] = useState<string>('');
  const reviewer = useReviewer();
  const { saved } = reviewer;
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const load = useCallback(async () => {
    const res = await call('checklist:get', { id: contractId, language });
    setRows(res.rows as ChecklistRow[]);
  }, [contractId, language]);
  useEffect(() => {
    void load();
  }, [load]);
  const months = useMemo(
    () => [...new Set((rows ?? []).map((r) => r.month).filter((m): m is string => !!m))].sort(),
    [rows],
  );
  useEffect(() => {
    if (!month && months.length) {
      const now = today().slice(0, 7);
      setMonth(months.includes(now) ? now : months[0]);
    }
  }, [months, month]);
  if (!rows) return <div className="loading">{t('checklist.loading')}</div>;
  const now = today();
  const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const shown = rows.filter(
    (r) =>
      (party === 'all' || r.party === party) &&
      (status === 'all' || r.state.status === status) &&
      (window === 'all' ||
        (window === 'overdue' &&
          !!r.dueDate &&
          r.dueDate < now &&
          r.state.status !== 'done' &&
          r.state.status !== 'not_applicable') ||
        (window === 'next30' && !!r.dueDate && r.dueDate >= now && r.dueDate <= in30)) &&
      (window !== 'all' || !month || month === 'all' || r.month === month || r.month === null),
  );
  const done = shown.filter((r) => r.state.status === 'done').length;
  return (
    <div className="checklist" data-testid="checklist">
      <div className="check-toolbar">
        <ReviewerField name={reviewer} testId="reviewer" />
        <select
          value={party}
          onChange={(e) => setParty(e.target.value as typeof party)}
          aria-label={t('checklist.party')}
        >
          <option value="all">{t('checklist.allParties')}</option>
          <option value="partyA">{labels.party('partyA')}</option>
          <option value="partyB">{labels.party('partyB')}</option>
        </select>
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
          aria-label={t('checklist.statusFilter')}
        >
          <option value="all">{t('checklist.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels.word('checklistStatus', s)}
            </option>
          ))}
        </select>
        <select
          value={window}
          onChange={(e) => setWindow(e.target.value as typeof window)}
          aria-label={t('checklist.window')}
        >
          <option value="all">{t('checklist.byMonth')}</option>
          <option value="overdue">{t('checklist.overdue')}</option>
          <option value="next30">{t('checklist.next30')}</option>
        </select>
        {window === 'all' && (
          <select
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            aria-label={t('checklist.month')}
            data-testid="check-month"
          >
            <option value="all">{t('checklist.allMonths')}</option>
            {months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
        <button
          onClick={async () => {
            const r = await call('checklist:export', { id: contractId, format: 'xlsx' });
            download(r.fileName, r.bytes);
          }}
          data-testid="export-xlsx"
        >
          {t('checklist.exportXlsx')}
        </button>
        <button
          onClick={async () => {
            const r = await call('checklist:export', { id: contractId, format: 'csv' });
            download(r.fileName, r.bytes);
          }}
        >
          {t('checklist.exportCsv')}
        </button>
      </div>
      <p className="hint">{t('checklist.count', { n: shown.length, done })}</p>
      {shown.length === 0 && <p className="empty-small">{t('checklist.empty')}</p>}
      <ul className="check-list">
        {shown.slice(0, 500).map((r) => (
          <Item
            key={`${r.contractId}:${r.id}`}
            row={r}
            saved={saved}
            onSaved={(next) =>
              setRows((all) =>
                (all ?? []).map((x) =>
                  x.contractId === next.contractId && x.id === next.id ? next : x,
                ),
              )
            }
            onLocate={onLocate ? (row) => onLocate(row.clauseId, null) : undefined}
          />
        ))}
      </ul>
      {shown.length > 500 && <p className="hint">{t('checklist.first500')}</p>}
    </div>
  );
}
