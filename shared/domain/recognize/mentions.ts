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

type Recognizer<K extends MentionKind> = (
  text: string,
  roles: (word: string) => PartyRole[],
) => MentionOf<K>[];

const blanksIn = (text: string) => [...text.matchAll(PLACEHOLDER_RE)];

/** One recogniser per kind of mention, each over the whole text. */
const RECOGNIZERS: { [K in MentionKind]: Recognizer<K> } = {
  money: (text) => [
    ...findMoney(text).map((m) => ({ kind: 'money' as const, ...m, written: false })),
    ...findWrittenAmounts(text).map(({ yuan, start, end }) => ({
      kind: 'money' as const,
      yuan,
      start,
      end,
      written: true,
    })),
  ],
  rate: (text) => findRates(text).map((r) => ({ kind: 'rate' as const, ...r })),
  date: (text) =>
    findDates(text).map((d) => ({ kind: 'date' as const, start: d.start, end: d.end, iso: d.iso })),
  // A duration inside a date (`2026年`) is the date's.
  duration: (text) => {
    const dates = findDates(text);
    return findDurations(text)
      .filter((m) => !dates.some((d) => m.start < d.end && d.start < m.end))
      .map((d) => ({ kind: 'duration' as const, ...d }));
  },
  // A party word inside a placeholder (`{{供应商名称}}`) names no one.
  party: (text, roles) => {
    const blanks = blanksIn(text);
    return [...text.matchAll(PARTY_RE)]
      .filter((m) => !blanks.some((b) => m.index >= b.index && m.index < b.index + b[0].length))
      .map((m) => ({
        kind: 'party' as const,
        start: m.index,
        end: m.index + m[0].length,
        word: m[0],
        roles: roles(m[0]),
      }));
  },
  blank: (text) =>
    blanksIn(text).map((m) => ({
      kind: 'blank' as const,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
    })),
};

/** The kinds of mention, in the order mentions at the same offset are listed. */
export const MENTION_KINDS: readonly MentionKind[] = [
  'money',
  'rate',
  'date',
  'duration',
  'party',
  'blank',
];

/**
 * The mentions of one kind in `text`, in order: an amount in figures and the same amount in
 * capitals (`伍拾万元整（¥500,000.00）`) are two money mentions, figures first.
 * @param roles the parties a party word stands for (`documentRoles` of the document)
 */
export function findMentionsOf<K extends MentionKind>(
  text: string,
  kind: K,
  roles: (word: string) => PartyRole[],
): MentionOf<K>[] {
  return (RECOGNIZERS[kind] as Recognizer<K>)(text, roles).sort((a, b) => a.start - b.start);
}

/** Every mention in `text`, ordered by start (then by kind, as {@link MENTION_KINDS} lists them). */
export function findMentions(text: string, roles: (word: string) => PartyRole[]): Mention[] {
  const out: Mention[] = MENTION_KINDS.flatMap((k) => findMentionsOf(text, k, roles));
  return out.sort(
    (a, b) => a.start - b.start || MENTION_KINDS.indexOf(a.kind) - MENTION_KINDS.indexOf(b.kind),
  );
}
