/** The service period (服务期限, REPORT.md `contract.servicePeriod`): start, end, months and its wording. */
import type { Clause } from '../clauses/parse';
import type { SentenceModel } from '../sentences/model';
import { CAPITAL_COUNT_CHARS, COUNT_CHARS, COUNT_SOURCE } from '../lexicon/numerals';
import { durationMonths, durationUnitSource, readDuration } from '../recognize/durations';
import { addMonths, findDates, monthsBetween } from '../recognize/dates';
import { type Span, type ContractBlock } from './contract';
import { sentences } from './text-lines';

function periodLine(seg: string): string {
  const parts = seg
    .trim()
    .split('\n')
    .map((p) => p.trim());
  return parts.find((p) => PERIOD_KEYWORDS.test(p)) ?? parts[parts.length - 1];
}

const PERIOD_KEYWORDS = /服务期限|服务期|服务周期|合同期限|维护期|履行期限|运维期|有效期/;

/** Lengths of a period: months and years (`个月`, `年`; a bare `月` would be a calendar month). */
const LENGTH_UNITS = durationUnitSource(['month', 'year']);

const KEYED_LENGTH = new RegExp(
  `(?:${PERIOD_KEYWORDS.source})\\s*(?:为|是|：|:)?\\s*([\\d${COUNT_CHARS}${CAPITAL_COUNT_CHARS}]{1,3})\\s*(${LENGTH_UNITS})(?!度)`,
);

/** A length in months (`('一', '年')` → 12). */
function monthsOf(count: string, unitWord: string): number | null {
  const d = readDuration(count, unitWord);
  return d && durationMonths(d);
}

/** Any length not right after a keyword, not inside a date (`2025年3月`). */
const BARE_LENGTH = new RegExp(
  `(?<![\\d${COUNT_CHARS}年月.])([\\d${COUNT_CHARS}${CAPITAL_COUNT_CHARS}]{1,3})\\s*(${LENGTH_UNITS})(?!\\s*${COUNT_SOURCE}\\s*月)`,
);

/** A length from the signing or effective date (`自合同签订之日起12个月`). */
const REL_LENGTH = new RegExp(
  `(?:合同签[署订](?:并生效)?后|自(?:本)?合同签[订署](?:并生效)?之日起|自签[订署](?:本)?合同之日起|自(?:本)?合同生效之日起|合同生效后)\\s*(${COUNT_SOURCE})\\s*(${LENGTH_UNITS})`,
);

export function extractServicePeriod(
  model: SentenceModel,
  signedOn: string | null,
): { value: NonNullable<ContractBlock['servicePeriod']>; span: Span } | null {
  const { text, clauses } = model;
  const termClauses = clauses.filter((c) => c.category === 'term');
  const candidates: Span[] = [];
  for (const c of termClauses) candidates.push(...sentences(model, c.start, c.ownEnd));
  for (const s of sentences(model, 0, text.length)) {
    if (PERIOD_KEYWORDS.test(text.slice(s.start, s.end))) candidates.push(s);
  }
  for (const s of candidates) {
    const seg = text.slice(s.start, s.end);
    const dates = findDates(seg, s.start).filter((d) => d.iso);
    const range = /(?:至|到|～|~|—|－|–|-)/;
    // A length named right after its keyword (`每份合同有效期一年`) before any other length in the
    // sentence (`一次招标三年有效`).
    const months = KEYED_LENGTH.exec(seg) ?? BARE_LENGTH.exec(seg);
    if (dates.length >= 2 && range.test(text.slice(dates[0].end, dates[1].start))) {
      const start = dates[0].iso!;
      const end = dates[1].iso!;
      const m = months ? monthsOf(months[1], months[2]) : monthsBetween(start, end);
      return { value: { start, end, months: m, text: periodLine(seg) }, span: s };
    }
    const rel = REL_LENGTH.exec(seg);
    if (rel) {
      const m = monthsOf(rel[1], rel[2]);
      const start = signedOn;
      const end = start && m ? addMonths(start, m, -1) : null;
      return { value: { start, end, months: m, text: periodLine(seg) }, span: s };
    }
    // From the signing or effective date to a fixed end (`自合同签订之日起至2026年12月31日`).
    const untilDate =
      /(?:合同签[署订](?:并?生效)?之日|签[订署](?:本)?合同之日|(?:本)?合同生效之日)起?\s*(?:至|到)\s*$/;
    const lastDate = dates[dates.length - 1];
    if (lastDate && untilDate.test(seg.slice(0, lastDate.start - s.start))) {
      const start = signedOn;
      const end = lastDate.iso!;
      return {
        value: {
          start,
          end,
          months: start ? monthsBetween(start, end) : null,
          text: periodLine(seg),
        },
        span: s,
      };
    }
    if (months && PERIOD_KEYWORDS.test(seg)) {
      const m = monthsOf(months[1], months[2]);
      // A length from a stated start (`壹年，自2026年3月1日开始`).
      const first = dates[0];
      if (
        dates.length === 1 &&
        m &&
        (/(?:自|从)\s*$/.test(seg.slice(0, first.start - s.start)) ||
          /^\s*(?:起|开始)/.test(seg.slice(first.end - s.start)))
      ) {
        const start = first.iso!;
        return {
          value: { start, end: addMonths(start, m, -1), months: m, text: periodLine(seg) },
          span: s,
        };
      }
      const endDate =
        /(?:截止至|截止到|截至|至)\s*/.exec(seg) && dates.length
          ? dates[dates.length - 1].iso
          : null;
      return { value: { start: null, end: endDate, months: m, text: periodLine(seg) }, span: s };
    }
  }
  return null;
}
