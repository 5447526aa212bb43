/**
 * Triage of findings: the reviewer's decision on each finding — 待处理 (not yet decided), 已确认
 * (a real problem), 误报 (a false positive) or 已解决 (dealt with) — with a note, who decided and
 * when, and every earlier decision (the audit trail). A decision belongs to the finding's rule
 * and quoted text, not to its place in the report, so it survives a re-analysis: the same rule
 * firing on the same words is the same finding, and a 误报 stays dismissed.
 */
import type { Severity } from './findings/types';

/** A finding's triage state. `open` (待处理) is the state of a finding nobody has decided on. */
export type TriageStatus = 'open' | 'accepted' | 'false_positive' | 'resolved';

export const TRIAGE_STATUSES: readonly TriageStatus[] = [
  'open',
  'accepted',
  'false_positive',
  'resolved',
];

/** The reviewer's words for each state. */
export const TRIAGE_LABELS: Record<TriageStatus, string> = {
  open: '待处理',
  accepted: '已确认',
  false_positive: '误报',
  resolved: '已解决',
};

/** One decision: the state it set, the note, who and when (ISO time). */
export interface TriageChange {
  status: TriageStatus;
  note: string;
  by: string;
  at: string;
}

/** The triage of one finding (rule + quote): its current decision and those before it. */
export interface TriageRecord extends TriageChange {
  ruleId: string;
  /** The finding's quote as the report gives it. */
  quote: string;
  /** Earlier decisions, oldest first (the current one is not repeated here). */
  history: TriageChange[];
  /** Fingerprint of the installation whose signed bundle brought it (absent: made here). */
  via?: string;
}

/** A contract's triage records by {@link findingKey}. */
export type TriageMap = Record<string, TriageRecord>;

/** FNV-1a, 32 bits, of a string's UTF-16 units, as 8 hex digits (a compact, stable key part). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The key a finding's triage is kept under: its rule and its quote with white space removed
 * (a re-analysis that re-flows a line keeps the decision), `<ruleId>:<hash>`.
 */
export function findingKey(f: { ruleId: string; quote: string }): string {
  return `${f.ruleId}:${fnv1a(f.quote.replace(/\s+/g, ''))}`;
}

/** The finding's triage record, or null while it is 待处理 and nobody has decided. */
export function triageOf(
  triage: TriageMap | undefined,
  f: { ruleId: string; quote: string },
): TriageRecord | null {
  const r = triage?.[findingKey(f)];
  // A record for another finding under a colliding hash is not this one's.
  return r && r.ruleId === f.ruleId && sameQuote(r.quote, f.quote) ? r : null;
}

const sameQuote = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** The finding's current state: 待处理 until decided. */
export function statusOf(
  triage: TriageMap | undefined,
  f: { ruleId: string; quote: string },
): TriageStatus {
  return triageOf(triage, f)?.status ?? 'open';
}

/**
 * The map with a new decision on finding `f` (the previous one moves into its history).
 * @throws Error when the note is longer than 2,000 characters (the IPC schema refuses it first)
 */
export function decide(
  triage: TriageMap | undefined,
  f: { ruleId: string; quote: string },
  change: TriageChange,
): TriageMap {
  if (change.note.length > 2000) throw new Error('triage note longer than 2,000 characters');
  const key = findingKey(f);
  const prev = triageOf(triage, f);
  const record: TriageRecord = {
    ruleId: f.ruleId,
    quote: f.quote,
    ...change,
    history: prev
      ? [...prev.history, { status: prev.status, note: prev.note, by: prev.by, at: prev.at }]
      : [],
  };
  return { ...(triage ?? {}), [key]: record };
}

/** A contract's findings counted by state, and the open ones (待处理 or 已确认) by severity. */
export interface TriageCounts {
  byStatus: Record<TriageStatus, number>;
  /** Findings still to act on — 待处理 or 已确认 — by severity. */
  open: Record<Severity, number>;
}

/** Counts a report's findings by triage state (see {@link TriageCounts}). */
export function triageCounts(
  findings: readonly { ruleId: string; quote: string; severity: Severity }[],
  triage: TriageMap | undefined,
): TriageCounts {
  const byStatus: Record<TriageStatus, number> = {
    open: 0,
    accepted: 0,
    false_positive: 0,
    resolved: 0,
  };
  const open: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const f of findings) {
    const s = statusOf(triage, f);
    byStatus[s]++;
    if (s === 'open' || s === 'accepted') open[f.severity]++;
  }
  return { byStatus, open };
}

/**
 * Merges triage from a review bundle into this installation's: per finding, the later decision
 * wins (by time; on a tie this one's), and the loser's decisions join the winner's history so
 * that nothing decided is lost.
 */
export function mergeTriage(
  mine: TriageMap | undefined,
  theirs: TriageMap | undefined,
  via?: string,
): TriageMap {
  const out: TriageMap = { ...(mine ?? {}) };
  for (const [key, t] of Object.entries(theirs ?? {})) {
    const m = out[key];
    if (!m) {
      out[key] = { ...t, ...(via ? { via } : {}) };
      continue;
    }
    const [winner, loser] = t.at > m.at ? [{ ...t, ...(via ? { via } : {}) }, m] : [m, t];
    const seen = new Set(winner.history.map((h) => `${h.at}|${h.by}|${h.status}`));
    const extra = [
      ...loser.history,
      { status: loser.status, note: loser.note, by: loser.by, at: loser.at },
    ].filter(
      (h) =>
        !seen.has(`${h.at}|${h.by}|${h.status}`) &&
        `${h.at}|${h.by}|${h.status}` !== `${winner.at}|${winner.by}|${winner.status}`,
    );
    out[key] = {
      ...winner,
      history: [...winner.history, ...extra].sort((a, b) => (a.at < b.at ? -1 : 1)),
    };
  }
  return out;
}
