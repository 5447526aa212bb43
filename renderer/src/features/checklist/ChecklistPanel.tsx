/**
 * The obligation checklist: items of one contract (or of all contracts), viewed month by month
 * (a monthly execution table), filtered by party, status and due window; each with a status
 * (未开始 / 进行中 / 已完成 / 不适用), a note, evidence files and who changed it when. Exports to
 * XLSX and CSV.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  CHECKLIST_STATUS_LABELS,
  type ChecklistStatus,
} from '../../../../shared/domain/obligations/schedule';
import { FREQUENCY_LABELS } from '../../../../shared/domain/labels';
import type { ChecklistRow } from '../../../../shared/domain/checklist';
import { call } from '../../lib/ipc';
import { useReviewer } from '../../lib/reviewer';
import { download } from '../../lib/download';
import type { Anchor } from '../../lib/report-types';

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
  const [status, setStatus] = useState<ChecklistStatus>(row.state.status);
  const [note, setNote] = useState(row.state.note);
  const [busy, setBusy] = useState(false);
  const dirty = status !== row.state.status || note !== row.state.note;
  const overdue =
    row.dueDate &&
    row.dueDate < today() &&
    row.state.status !== 'done' &&
    row.state.status !== 'not_applicable';
  const save = async () => {
    setBusy(true);
    try {
      await saved();
      const res = await call('checklist:update', {
        id: row.contractId,
        itemId: row.id,
        status,
        note,
      });
      onSaved({ ...row, state: res.state as ChecklistRow['state'] });
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
        <span className="party">{row.party === 'partyA' ? '甲方' : '乙方'}</span>
        <span className="freq">{FREQUENCY_LABELS[row.frequency]}</span>
        <button className="link action" onClick={() => onLocate?.(row)} title={row.basis}>
          {row.action}
        </button>
        {row.deliverable && <span className="deliverable">{row.deliverable}</span>}
        {overdue && <span className="warn">已逾期</span>}
      </div>
      <div className="check-edit">
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as ChecklistStatus)}
          aria-label="状态"
          data-testid="check-status"
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {CHECKLIST_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="备注"
          aria-label="备注"
          data-testid="check-note"
        />
        <button
          className="primary"
          disabled={!dirty || busy}
          onClick={() => void save()}
          data-testid="check-save"
        >
          保存
        </button>
        <label className="evidence">
          证据…
          <input
            type="file"
            hidden
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              await saved();
              const res = await call('checklist:evidence', {
                id: row.contractId,
                itemId: row.id,
                fileName: file.name,
                bytes: new Uint8Array(await file.arrayBuffer()),
              });
              onSaved({ ...row, state: res.state as ChecklistRow['state'] });
            }}
          />
        </label>
        {row.state.evidence.length > 0 && (
          <span className="sub">{row.state.evidence.map((e) => e.fileName).join('、')}</span>
        )}
        {last && (
          <span
            className="sub"
            data-testid="check-history"
            title={row.state.history
              .map((h) => `${h.at} ${h.by}：${CHECKLIST_STATUS_LABELS[h.status]} ${h.note}`)
              .join('\n')}
          >
            {last.by} · {last.at.slice(0, 16).replace('T', ' ')}
          </span>
        )}
      </div>
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
  const [rows, setRows] = useState<ChecklistRow[] | null>(null);
  const [party, setParty] = useState<'all' | 'partyA' | 'partyB'>('all');
  const [status, setStatus] = useState<'all' | ChecklistStatus>('all');
  const [window, setWindow] = useState<'all' | 'overdue' | 'next30'>('all');
  const [month, setMonth] = useState<string>('');
  const { reviewer, setReviewer, saved } = useReviewer();
  const load = useCallback(async () => {
    const res = await call('checklist:get', { id: contractId });
    setRows(res.rows as ChecklistRow[]);
  }, [contractId]);
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
  if (!rows) return <div className="loading">正在生成履约清单…</div>;
  const t = today();
  const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const shown = rows.filter(
    (r) =>
      (party === 'all' || r.party === party) &&
      (status === 'all' || r.state.status === status) &&
      (window === 'all' ||
        (window === 'overdue' &&
          !!r.dueDate &&
          r.dueDate < t &&
          r.state.status !== 'done' &&
          r.state.status !== 'not_applicable') ||
        (window === 'next30' && !!r.dueDate && r.dueDate >= t && r.dueDate <= in30)) &&
      (window !== 'all' || !month || month === 'all' || r.month === month || r.month === null),
  );
  const done = shown.filter((r) => r.state.status === 'done').length;
  return (
    <div className="checklist" data-testid="checklist">
      <div className="check-toolbar">
        <label>
          审阅人
          <input
            value={reviewer}
            onChange={(e) => setReviewer(e.target.value)}
            placeholder="姓名"
            data-testid="reviewer"
          />
        </label>
        <select
          value={party}
          onChange={(e) => setParty(e.target.value as typeof party)}
          aria-label="责任方"
        >
          <option value="all">全部责任方</option>
          <option value="partyA">甲方</option>
          <option value="partyB">乙方</option>
        </select>
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
          aria-label="状态筛选"
        >
          <option value="all">全部状态</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {CHECKLIST_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <select
          value={window}
          onChange={(e) => setWindow(e.target.value as typeof window)}
          aria-label="到期范围"
        >
          <option value="all">按月查看</option>
          <option value="overdue">已逾期</option>
          <option value="next30">30 日内到期</option>
        </select>
        {window === 'all' && (
          <select
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            aria-label="月份"
            data-testid="check-month"
          >
            <option value="all">全部月份</option>
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
          导出 XLSX
        </button>
        <button
          onClick={async () => {
            const r = await call('checklist:export', { id: contractId, format: 'csv' });
            download(r.fileName, r.bytes);
          }}
        >
          导出 CSV
        </button>
      </div>
      <p className="hint">
        共 {shown.length} 项，已完成 {done} 项
      </p>
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
      {shown.length > 500 && <p className="hint">仅显示前 500 项，请按月份或状态筛选。</p>}
    </div>
  );
}
