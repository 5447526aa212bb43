/**
 * `ocr.low-confidence`: on a scan, the values the review rests on (the key terms quoted as
 * values, and every
 * amount, rate, date and period in the text) that OCR read with a character below
 * {@link OCR_CONFIDENCE_THRESHOLD}, listed for the reviewer to check against the image.
 *
 * An amount whose figures agree with the 大写 written beside it is not listed: the two readings,
 * of different characters, confirm each other (the 大写/figures cross-check as a check of the
 * reading). Where they disagree on a scan, `amount.written-mismatch` says the misreading may be
 * OCR's.
 */
import { findDates } from '../../recognize/dates';
import { findDurations } from '../../recognize/durations';
import { findMoney, findWrittenAmounts } from '../../recognize/money';
import { findRates } from '../../recognize/rates';
import type { TextSpan } from '../../text/sentences';
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, lineAround } from '../util';

/**
 * The recognition probability below which a character is doubtful. PP-OCRv4 reads the scanned
 * seed's characters at 0.9 or more, save for those it misreads (README, "OCR").
 */
export const OCR_CONFIDENCE_THRESHOLD = 0.9;

/** A key term's span longer than this is its sentence, not its value, and is not checked whole. */
const MAX_TERM_CHARS = 30;

/** At most this many values are quoted in the message (all are in `spans`). */
const QUOTED = 12;

/** The lowest probability of a character read in `span`, or NaN when none was read by OCR. */
export function lowestConfidence(confidence: Float32Array, span: TextSpan): number {
  let low = NaN;
  for (let i = span.start; i < span.end; i++) {
    const p = confidence[i];
    if (!Number.isNaN(p) && !(p >= low)) low = p;
  }
  return low;
}

export const ocrLowConfidence: FindingRule = {
  id: 'ocr.low-confidence',
  description:
    'OCR 识别置信度低的关键数值 (values read by OCR with a character below 0.9 probability)',
  check(ctx) {
    const conf = ctx.confidence;
    if (!conf) return [];
    const text = ctx.text;
    // Amounts confirmed by their 大写 on the same line.
    const confirmed: TextSpan[] = [];
    for (const w of findWrittenAmounts(text)) {
      const line = lineAround(text, w.start);
      for (const m of findMoney(text.slice(line.start, line.end), line.start))
        if (m.yuan.equals(w.yuan)) confirmed.push(m, w);
    }
    const isConfirmed = (v: TextSpan) => confirmed.some((c) => c.start < v.end && v.start < c.end);
    const isLow = (v: TextSpan) =>
      !isConfirmed(v) && lowestConfidence(conf, v) < OCR_CONFIDENCE_THRESHOLD;
    const span = (v: TextSpan): TextSpan => ({ start: v.start, end: v.end });
    // The values read as values, doubtful ones kept; of overlapping ones the longest (a date
    // over the `2026年` inside it).
    const found = [
      ...findMoney(text),
      ...findWrittenAmounts(text),
      ...findRates(text),
      ...findDates(text),
      ...findDurations(text),
    ]
      .map(span)
      .filter((v) => v.end > v.start && isLow(v))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const doubtful: TextSpan[] = [];
    for (const v of found) {
      const last = doubtful[doubtful.length - 1];
      if (last && v.start < last.end) {
        if (v.end - v.start > last.end - last.start) doubtful[doubtful.length - 1] = v;
        continue;
      }
      doubtful.push(v);
    }
    // Key terms quoted as a value (a contract number, a party's name), not a whole sentence,
    // unless a value inside them is listed already.
    for (const t of ctx.terms.map((x) => span(x.span))) {
      if (t.end - t.start > MAX_TERM_CHARS || !isLow(t)) continue;
      if (doubtful.some((v) => v.start < t.end && t.start < v.end)) continue;
      doubtful.push(t);
    }
    doubtful.sort((a, b) => a.start - b.start);
    if (!doubtful.length) return [];
    const words = doubtful.map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' '));
    const shown = words.slice(0, QUOTED);
    const more = words.length > QUOTED ? `等 ${words.length} 处` : `共 ${words.length} 处`;
    return [
      {
        ruleId: this.id,
        severity: 'medium',
        message: `扫描件中以下数值的文字识别（OCR）置信度低，可能误读，请对照原件核对：${shown.map((w) => `“${w}”`).join('、')}（${more}）`,
        messageEn: `OCR read these values of the scan with low confidence; check them against the image: ${shown.map((w) => `"${w}"`).join(', ')} (${words.length} in all)`,
        clauseIds: clauseIdsOf(ctx, doubtful),
        quote: words.join(' … '),
        spans: doubtful,
      },
    ];
  },
};
