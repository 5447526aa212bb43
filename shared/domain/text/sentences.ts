/**
 * Sentences of contract text: split at 。；; and with the heading lines a sentence starts with
 * (`八、违约条款`, `资金支付条件及时间：`) left out, so a quoted rule reads as the rule.
 */
import { startsWithHeadingNumber } from '../clauses/numbering';
import { isTableLine } from './squeeze';

/** A span of the document's text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The first index in `spans` (in document order, not overlapping) whose end is after `offset`,
 * by binary search; `spans.length` when none is.
 */
export function firstEndingAfter(spans: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a line is a heading rather than sentence text (`八、违约条款`, `资金支付条件及时间：`, `【解除终止程序】`). */
export function isHeadingLine(line: string): boolean {
  const l = line.trim();
  return (
    !l ||
    (/[：:]$/.test(l) && l.length <= 20) ||
    (startsWithHeadingNumber(l) && l.length <= 30 && !/[，,。；;]/.test(l)) ||
    /^【[^】]+】$/.test(l)
  );
}

/**
 * Splits `text[from, to)` into sentences at 。；; and around table rows (lines with tabs, each a
 * sentence of its own). Leading heading lines and whitespace are excluded from each span unless
 * `keepHeadings` (then a span is the raw text between boundaries); empty sentences are dropped.
 */
export function sentenceSpans(
  text: string,
  from: number,
  to: number,
  { keepHeadings = false }: { keepHeadings?: boolean } = {},
): TextSpan[] {
  const out: TextSpan[] = [];
  const trim = (span: TextSpan) =>
    keepHeadings
      ? text.slice(span.start, span.end).trim()
        ? span
        : { start: 0, end: 0 }
      : trimHeadings(text, span);
  let s = from;
  // A table row (a line with tabs) is never part of a running sentence: it ends the sentence
  // before it and stands alone.
  let lineHasTab = isTableLine(
    text.slice(from, text.indexOf('\n', from) < 0 ? to : text.indexOf('\n', from)),
  );
  for (let i = from; i < to; i++) {
    if (text[i] === '\n') {
      const nextEnd = text.indexOf('\n', i + 1);
      const nextHasTab = isTableLine(text.slice(i + 1, nextEnd < 0 ? to : Math.min(nextEnd, to)));
      if ((lineHasTab || nextHasTab) && i > s) {
        const span = trim({ start: s, end: i });
        if (span.end > span.start) out.push(span);
        s = i + 1;
      }
      lineHasTab = nextHasTab;
      continue;
    }
    if ('。；;'.includes(text[i])) {
      const span = trim({ start: s, end: i + 1 });
      if (span.end > span.start) out.push(span);
      s = i + 1;
    }
  }
  // The words after the last sentence end (a region may end in a line break after them).
  if (s < to) {
    const span = trim({ start: s, end: to });
    if (span.end > span.start) out.push(span);
  }
  return out;
}

/** `span` without the heading lines and whitespace it starts with. */
export function trimHeadings(text: string, span: TextSpan): TextSpan {
  let start = span.start;
  for (;;) {
    const nl = text.indexOf('\n', start);
    // The span's last line is a line too, whether or not its line break is inside the span.
    const lineEnd = nl < 0 || nl >= span.end ? span.end : nl;
    if (!isHeadingLine(text.slice(start, lineEnd))) break;
    start = Math.min(lineEnd + 1, span.end);
    if (lineEnd === span.end) break;
  }
  while (start < span.end && /\s/.test(text[start])) start++;
  return { start, end: span.end };
}
