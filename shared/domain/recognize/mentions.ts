/**
 * Typed mentions of one stretch of text: every amount of money, rate, date, duration, party
 * reference and blank the recognisers of this folder find in it, with spans, in reading order.
 * The annotated sentence model (`sentences/model.ts`) reads them once per sentence.
 */
import type Decimal from 'decimal.js';
import { ANY_PARTY_SOURCE, type PartyRole } from '../lexicon/parties';
import { PLACEHOLDER } from '../lexicon/blanks';
import { findDates } from './dates';
import { findDurations, type Duration } from './durations';
import { findMoney, findWrittenAmounts } from './money';
import { findRates } from './rates';

/** Where a mention stands: offsets into the text it was read from. */
interface At {
  start: number;
  end: number;
}

/**
 * One typed mention. Money in yuan (`Decimal`; `written` for a capital amount, 大写), rates in percent (`Decimal`), dates as ISO
 * `YYYY-MM-DD` (null when a part is blank, `2025年6月 日`), durations as a count and unit, party
 * references with the roles the document gives the word (`接收方` → partyB in most NDAs).
 */
export type Mention =
  | (At & { kind: 'money'; yuan: Decimal; written: boolean })
  | (At & { kind: 'rate'; percent: Decimal })
  | (At & { kind: 'date'; iso: string | null })
  | (At & { kind: 'duration'; duration: Duration })
  | (At & { kind: 'party'; word: string; roles: PartyRole[] })
  | (At & { kind: 'blank'; text: string });

/** The kinds of {@link Mention}. */
export type MentionKind = Mention['kind'];

const PARTY_RE = new RegExp(ANY_PARTY_SOURCE, 'g');
const PLACEHOLDER_RE = new RegExp(`${PLACEHOLDER.source}|【\\s*】`, 'g');

/** A mention of one kind. */
export type MentionOf<K extends MentionKind> = Extract<Mention, { kind: K }>;

/** The mentions of one kind, in order. */
export function mentionsOf<K extends MentionKind>(
  mentions: readonly Mention[],
  kind: K,
): MentionOf<K>[] {
  return mentions.filter((m): m is MentionOf<K> => m.kind === kind);
}

/**
 * Every mention in `text`, ordered by start (then by kind, as listed in {@link Mention}).
 * An amount in figures and the same amount in capitals (`伍拾万元整（¥500,000.00）`) are two money
 * mentions. A duration inside a date (`2026年`) is the date's.
 * @param roles the parties a party word stands for (`documentRoles` of the document)
 */
export function findMentions(text: string, roles: (word: string) => PartyRole[]): Mention[] {
  const out: Mention[] = [];
  const dates = findDates(text);
  const inDate = (m: At) => dates.some((d) => m.start < d.end && d.start < m.end);
  for (const d of dates) out.push({ kind: 'date', start: d.start, end: d.end, iso: d.iso });
  for (const m of findMoney(text)) out.push({ kind: 'money', ...m, written: false });
  for (const { yuan, start, end } of findWrittenAmounts(text))
    out.push({ kind: 'money', yuan, start, end, written: true });
  for (const r of findRates(text)) out.push({ kind: 'rate', ...r });
  for (const d of findDurations(text)) if (!inDate(d)) out.push({ kind: 'duration', ...d });
  const blanks = [...text.matchAll(PLACEHOLDER_RE)];
  // A party word inside a placeholder (`{{供应商名称}}`) names no one.
  const inBlank = (at: number) => blanks.some((b) => at >= b.index && at < b.index + b[0].length);
  for (const m of text.matchAll(PARTY_RE))
    if (!inBlank(m.index))
      out.push({
        kind: 'party',
        start: m.index,
        end: m.index + m[0].length,
        word: m[0],
        roles: roles(m[0]),
      });
  for (const m of blanks)
    out.push({ kind: 'blank', start: m.index, end: m.index + m[0].length, text: m[0] });
  const order: MentionKind[] = ['money', 'rate', 'date', 'duration', 'party', 'blank'];
  return out.sort((a, b) => a.start - b.start || order.indexOf(a.kind) - order.indexOf(b.kind));
}
