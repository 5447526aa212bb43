/**
 * Checklist state and saved calculator scenarios as the store keeps them with a contract, and
 * the CSV form of a checklist. Pure: the caller passes times and names.
 */
import type { ChecklistItem, ChecklistStatus } from './obligations/schedule';
import { CHECKLIST_STATUS_LABELS } from './obligations/schedule';
import { FREQUENCY_LABELS } from './labels';
import { csvDocument } from './csv';

/** Evidence attached to an item: the file copied into the store under its SHA-256. */
export interface Evidence {
  fileName: string;
  sha256: string;
  /** Path relative to the data folder. */
  file: string;
  addedAt: string;
  by: string;
}

/** One change of an item, for the audit trail. */
export interface ChecklistChange {
  at: string;
  by: string;
  status: ChecklistStatus;
  note: string;
}

/** The reviewer's state of one checklist item (items without a state are 未开始). */
export interface ChecklistState {
  status: ChecklistStatus;
  note: string;
  evidence: Evidence[];
  history: ChecklistChange[];
}

/** A saved calculator run ("what if"), kept with the contract and exported with the report. */
export interface Scenario {
  id: string;
  name: string;
  calculator: string;
  inputs: Record<string, string | number | boolean | null>;
  totalYuan: string | null;
  summary: string;
  savedAt: string;
}

/** A checklist row with its contract and state, as listed and exported. */
export interface ChecklistRow extends ChecklistItem {
  contractId: string;
  contractTitle: string;
  /** The clause the obligation stands in, as cited (`四、3. 巡检`), and its first page. */
  clause: string | null;
  page: number | null;
  state: ChecklistState;
}

/** The state of an item that nobody has touched. */
export function emptyState(): ChecklistState {
  return { status: 'not_started', note: '', evidence: [], history: [] };
}

/** Applies a status/note change and records it in the history. */
export function applyChange(
  state: ChecklistState | undefined,
  change: { status: ChecklistStatus; note: string; by: string; at: string },
): ChecklistState {
  const s = state ?? emptyState();
  return {
    ...s,
    status: change.status,
    note: change.note,
    history: [
      ...s.history,
      { at: change.at, by: change.by, status: change.status, note: change.note },
    ],
  };
}

/** Column headers shared by the CSV and XLSX exports. */
export const CHECKLIST_COLUMNS = [
  '合同',
  '责任方',
  '事项',
  '频次',
  '交付物',
  '截止日期',
  '依据',
  '条款',
  '页',
  '状态',
  '备注',
  '证据',
  '最后修改',
];

/** One export row per item, in {@link CHECKLIST_COLUMNS} order. */
export function checklistRowValues(r: ChecklistRow): string[] {
  const last = r.state.history[r.state.history.length - 1];
  return [
    r.contractTitle,
    r.party === 'partyA' ? '甲方' : '乙方',
    r.action,
    FREQUENCY_LABELS[r.frequency],
    r.deliverable ?? '',
    r.dueDate ?? '',
    r.basis,
    r.clause ?? '',
    r.page ? String(r.page) : '',
    CHECKLIST_STATUS_LABELS[r.state.status],
    r.state.note,
    r.state.evidence.map((e) => e.fileName).join('；'),
    last ? `${last.at} ${last.by}` : '',
  ];
}

/** The checklist as CSV (see `csv.ts`: RFC 4180, BOM, formula-like cells made inert). */
export function checklistCsv(rows: ChecklistRow[]): string {
  return csvDocument([CHECKLIST_COLUMNS, ...rows.map(checklistRowValues)]);
}
