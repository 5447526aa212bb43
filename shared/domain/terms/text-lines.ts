/** Lines and sentences of contract text with their offsets, as the term readers walk them. */
import { sentenceSpans } from '../text/sentences';
import { type Span } from './contract';

export interface Line {
  text: string;
  start: number;
}

export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    out.push({ text: raw, start: pos });
    pos += raw.length + 1;
  }
  return out;
}

/** Sentences of `text[from, to)` as {@link sentenceSpans} splits them (headings kept), merged when the next one starts with 即. */
export function sentences(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const sp of sentenceSpans(text, from, to, { keepHeadings: true })) {
    if (out.length && /^\s*即/.test(text.slice(sp.start, sp.end))) out[out.length - 1].end = sp.end;
    else out.push({ ...sp });
  }
  return out;
}
