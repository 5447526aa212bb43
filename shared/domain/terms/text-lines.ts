/** Lines and sentences of contract text with their offsets, as the term readers walk them. */
import type { SentenceModel } from '../sentences/model';
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

/**
 * The sentences of `text[from, to)` from the document's sentence model, each with the heading
 * lines it starts with, merged with the next one when that starts with 即 (`…人民币100万元；即…`).
 */
export function sentences(model: SentenceModel, from: number, to: number): Span[] {
  const { text } = model;
  const out: Span[] = [];
  for (const sp of model.spansWithin(from, to, { keepHeadings: true })) {
    if (out.length && /^\s*即/.test(text.slice(sp.start, sp.end))) out[out.length - 1].end = sp.end;
    else out.push({ ...sp });
  }
  return out;
}
