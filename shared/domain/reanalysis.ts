/**
 * Reviews that improve: when the analyser changes, a stored contract is analysed again from its
 * original, and what the reviewer attached to the old analysis — annotations, checklist states,
 * calculator scenarios — is carried over to the new one by the text it quoted (exactly where the
 * text is unchanged, else the nearest occurrence, else by its words ignoring whitespace). A line
 * of history says what changed. Pure: the store reads the original and writes the result.
 */
import { anchorFor, type Anchor, type SourceDocument } from './document';
import type { Annotation } from './annotations';
import type { ChecklistState, Scenario } from './checklist';
import type { ReviewReport } from './report';

/**
 * The version of the analysis that produced a report (extra field `analyzerVersion`). Raise it
 * whenever the analysis reads documents differently; stores analysed by an older version are
 * analysed again when opened.
 */
export const ANALYZER_VERSION = 4;

/** A line of a contract's history (extra field of the stored contract). */
export interface HistoryEntry {
  at: string;
  kind: 'reanalysis';
  fromVersion: number | null;
  toVersion: number;
  /** What changed, in the reviewer's words (`违约金条款 5 → 9；问题 4 → 6`). */
  summary: string;
}

/** What the reviewer attached to a contract, as re-analysis carries it over. */
export interface ReviewerState {
  annotations: Annotation[];
  checklist: Record<string, ChecklistState>;
  scenarios: Scenario[];
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Where `quote` stands in `text`: the occurrence nearest `near`, else the same words with the
 * whitespace ignored (a line joined differently by a newer importer), else null.
 * @returns `[start, end)` offsets into `text`
 */
export function findQuote(text: string, quote: string, near: number): [number, number] | null {
  if (!quote) return null;
  let best: number | null = null;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    if (best === null || Math.abs(i - near) < Math.abs(best - near)) best = i;
    if (i > near + quote.length && best !== null) break;
  }
  if (best !== null) return [best, best + quote.length];
  // Fuzzy: the quote's characters without whitespace, matched over the text's.
  const target = squash(quote);
  if (target.length < 2) return null;
  const positions: number[] = [];
  let flat = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    positions.push(i);
    flat += text[i];
  }
  const at = flat.indexOf(target);
  if (at < 0) return null;
  return [positions[at], positions[at + target.length - 1] + 1];
}

/** An anchor moved onto the new text by its quote; the old one kept (marked) when the quote is gone. */
export function moveAnchor(doc: SourceDocument, old: Anchor): Anchor & { lost?: boolean } {
  const found = findQuote(doc.text, old.quote, old.start);
  return found ? anchorFor(doc, found[0], found[1]) : { ...old, lost: true };
}

/**
 * Carries the reviewer's state from the old report to the new one: annotations re-anchored by
 * their quote; checklist states and scenarios moved to the new ids of the obligations and penalty
 * rules they belonged to (matched by the quoted text of those items).
 */
export function carryOver(
  doc: SourceDocument,
  oldReport: ReviewReport,
  newReport: ReviewReport,
  state: ReviewerState,
): ReviewerState {
  const annotations = state.annotations.map((a) => ({ ...a, anchor: moveAnchor(doc, a.anchor) }));
  // Old obligation id → new one with the same quoted text (or action).
  const obligationIds = new Map<string, string>();
  for (const o of oldReport.obligations) {
    const same =
      newReport.obligations.find((n) => n.anchor.quote === o.anchor.quote) ??
      newReport.obligations.find((n) => squash(n.action) === squash(o.action));
    if (same) obligationIds.set(o.id, same.id);
  }
  const checklist: Record<string, ChecklistState> = {};
  for (const [key, value] of Object.entries(state.checklist)) {
    const [obligationId, ...rest] = key.split('@');
    const moved = obligationIds.get(obligationId);
    checklist[moved ? [moved, ...rest].join('@') : key] = value;
  }
  const ruleIds = new Map<string, string>();
  for (const r of oldReport.penaltyRules) {
    const same = newReport.penaltyRules.find(
      (n) =>
        n.anchor.quote === r.anchor.quote &&
        n.payer === r.payer &&
        n.percent === r.percent &&
        n.yuan === r.yuan,
    );
    if (same) ruleIds.set(r.id, same.id);
  }
  const scenarios = state.scenarios.map((s) => {
    const old = s.inputs.ruleId;
    return typeof old === 'string' && ruleIds.has(old)
      ? { ...s, inputs: { ...s.inputs, ruleId: ruleIds.get(old)! } }
      : s;
  });
  return { annotations, checklist, scenarios };
}

/** The history line of a re-analysis: the counts that changed, or that nothing did. */
export function reanalysisSummary(
  oldReport: ReviewReport,
  newReport: ReviewReport,
  lostAnchors: number,
): string {
  const counts: [string, (r: ReviewReport) => number][] = [
    ['条款', (r) => r.clauses.length],
    ['违约金条款', (r) => r.penaltyRules.length],
    ['服务时效', (r) => r.serviceLevels.length],
    ['付款分期', (r) => r.contract.paymentInstallments.length],
    ['履约义务', (r) => r.obligations.length],
    ['问题', (r) => r.findings.length],
  ];
  const changed = counts
    .map(([label, n]) => [label, n(oldReport), n(newReport)] as const)
    .filter(([, a, b]) => a !== b)
    .map(([label, a, b]) => `${label} ${a} → ${b}`);
  const scope =
    newReport.scope && !newReport.scope.whole ? `；审阅范围：${newReport.scope.heading}` : '';
  const lost = lostAnchors ? `；${lostAnchors} 条批注的原文已找不到，保留原位置` : '';
  return `${changed.length ? changed.join('；') : '结果未变'}${scope}${lost}`;
}
