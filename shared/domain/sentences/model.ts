/**
 * The annotated sentence model: a document's sentences, split once per analysis, each with its
 * span, the clause it stands in, whether it is a table row, its text squeezed of layout
 * whitespace, its typed mentions (money, rates, dates, durations, parties, blanks) and its
 * neighbours. The extractors of penalty rules, obligations, service levels and NDA terms read
 * these sentences instead of splitting the text again.
 *
 * A sentence ends at 。；; and at a table row's edges (see `text/sentences.ts`). It may run on
 * into a list item that is a clause of its own (`…包括但不限于：\n(1) 项目建设方案…；`), as
 * definitions and penalty lists do; a reader that must not cross clauses cuts it with
 * {@link clausePieces}.
 */
import type { Clause } from '../clauses/parse';
import {
  MENTION_KINDS,
  findMentionsOf,
  type Mention,
  type MentionKind,
  type MentionOf,
} from '../recognize/mentions';
import { documentRoles, type Roles } from '../resolve/parties';
import { firstEndingAfter, sentenceSpans, trimHeadings, type TextSpan } from '../text/sentences';
import { isTableRow, squeeze, type Squeezed } from '../text/squeeze';

/** One sentence of the document. Offsets are into the document's text. */
export interface AnnotatedSentence {
  /** Position in {@link SentenceModel.sentences}. */
  readonly index: number;
  /** The sentence without the heading lines and whitespace it starts with. */
  readonly start: number;
  readonly end: number;
  /** Where the sentence starts with its heading lines (`八、违约条款\n…`), for readers that keep them. */
  readonly rawStart: number;
  /** The innermost clause the sentence starts in; null before the first clause. */
  readonly clause: Clause | null;
  /** The sentence's text, `text.slice(start, end)`. */
  readonly text: string;
  /** Whether the sentence is a row of a table (tab-separated short cells), not prose. */
  readonly tableRow: boolean;
  /** The text squeezed of layout whitespace with the offset map (computed on first use). */
  readonly squeezed: Squeezed;
  /**
   * Typed mentions read from the squeezed text (so `20 %` and a wrapped `0.\n5%` read whole),
   * offsets into `squeezed.text`; `squeezed.map` takes them to the document (computed on first use).
   */
  readonly mentions: readonly Mention[];
  /** The mentions of one kind, as in {@link mentions} (only that kind is read, on first use). */
  mentionsOf<K extends MentionKind>(kind: K): readonly MentionOf<K>[];
}

class Sentence implements AnnotatedSentence {
  private squeezedText?: Squeezed;
  private readonly byKind = new Map<MentionKind, readonly Mention[]>();
  private all?: Mention[];

  constructor(
    readonly index: number,
    readonly start: number,
    readonly end: number,
    readonly rawStart: number,
    readonly clause: Clause | null,
    readonly text: string,
    private readonly roles: Roles,
  ) {}

  get tableRow(): boolean {
    return isTableRow(this.text);
  }

  get squeezed(): Squeezed {
    return (this.squeezedText ??= squeeze(this.text));
  }

  mentionsOf<K extends MentionKind>(kind: K): readonly MentionOf<K>[] {
    let found = this.byKind.get(kind);
    if (!found)
      this.byKind.set(kind, (found = findMentionsOf(this.squeezed.text, kind, this.roles)));
    return found as readonly MentionOf<K>[];
  }

  get mentions(): readonly Mention[] {
    return (this.all ??= MENTION_KINDS.flatMap((k) => this.mentionsOf(k)).sort(
      (a, b) => a.start - b.start || MENTION_KINDS.indexOf(a.kind) - MENTION_KINDS.indexOf(b.kind),
    ));
  }
}

/**
 * A lookup of the innermost clause holding an offset (as `clauseAt` decides), in amortised
 * constant time for offsets asked in increasing order, as a reader walking the text asks them.
 * @throws Error when asked for an offset before the previous one
 */
export function clauseSweep(clauses: Clause[]): (offset: number) => Clause | null {
  const byStart = [...clauses].sort((a, b) => a.start - b.start);
  let next = 0;
  let open: Clause[] = [];
  let last = -Infinity;
  return (offset) => {
    if (offset < last) throw new Error(`clauseSweep: offset ${offset} after ${last}`);
    last = offset;
    while (next < byStart.length && byStart[next].start <= offset) open.push(byStart[next++]);
    open = open.filter((c) => offset < c.end);
    // As `clauseAt` decides: the deepest level, the later clause of equal depth.
    let best: Clause | null = null;
    for (const c of open) if (!best || c.level >= best.level) best = c;
    return best;
  };
}

/** A document's sentences (see the module comment). Built with {@link annotateSentences}. */
export interface SentenceModel {
  readonly text: string;
  readonly clauses: Clause[];
  /** The parties the document's party words stand for (`documentRoles`). */
  readonly roles: Roles;
  /** Every sentence, in document order. */
  readonly sentences: readonly AnnotatedSentence[];
  /** The sentence before / after `s`, if any. */
  previous(s: AnnotatedSentence): AnnotatedSentence | null;
  next(s: AnnotatedSentence): AnnotatedSentence | null;
  /**
   * The sentences of `text[from, to)`, cut at its edges: the spans `sentenceSpans(text, from,
   * to)` would give, but read from the model. With `keepHeadings`, spans start with their
   * heading lines.
   */
  spansWithin(from: number, to: number, options?: { keepHeadings?: boolean }): TextSpan[];
}

/**
 * Splits and annotates the sentences of a document once, in time linear in its length.
 * @param text the document's text
 * @param clauses its clause tree (`parseClauses`), whose starts also end sentences
 */
export function annotateSentences(text: string, clauses: Clause[]): SentenceModel {
  const roles = documentRoles(text);
  // Raw pieces: the untrimmed stretches between sentence ends, heading lines included.
  const pieces = sentenceSpans(text, 0, text.length, { keepHeadings: true });
  const clauseOf = clauseSweep(clauses);
  const sentences: Sentence[] = [];
  for (const piece of pieces) {
    const span = trimHeadings(text, piece);
    if (span.end <= span.start) continue;
    sentences.push(
      new Sentence(
        sentences.length,
        span.start,
        span.end,
        piece.start,
        clauseOf(span.start),
        text.slice(span.start, span.end),
        roles,
      ),
    );
  }
  return {
    text,
    clauses,
    roles,
    sentences,
    previous: (s) => sentences[s.index - 1] ?? null,
    next: (s) => sentences[s.index + 1] ?? null,
    spansWithin(from, to, { keepHeadings = false } = {}) {
      const out: TextSpan[] = [];
      for (let i = firstEndingAfter(pieces, from); i < pieces.length; i++) {
        const p = pieces[i];
        if (p.start >= to) break;
        const cut = { start: Math.max(p.start, from), end: Math.min(p.end, to) };
        const span = keepHeadings
          ? text.slice(cut.start, cut.end).trim()
            ? cut
            : null
          : trimHeadings(text, cut);
        if (span && span.end > span.start) out.push(span);
      }
      return out;
    },
  };
}

/**
 * The pieces of the model's sentences cut where a clause starts inside one, each without the
 * heading lines it starts with (`…。\n二、其他\n乙方应…` gives `…。` and `乙方应…`), with the clause
 * each piece stands in: for readers whose unit must not run from one clause into the next.
 */
export function clausePieces(
  model: SentenceModel,
): { sentence: AnnotatedSentence; span: TextSpan; clause: Clause | null }[] {
  const starts = [...new Set(model.clauses.map((c) => c.start))].sort((a, b) => a - b);
  const clauseOf = clauseSweep(model.clauses);
  const out: { sentence: AnnotatedSentence; span: TextSpan; clause: Clause | null }[] = [];
  let k = 0;
  for (const sentence of model.sentences) {
    while (k < starts.length && starts[k] <= sentence.start) k++;
    const cuts: number[] = [];
    for (; k < starts.length && starts[k] < sentence.end; k++) cuts.push(starts[k]);
    [sentence.start, ...cuts].forEach((from, i) => {
      const span = trimHeadings(model.text, { start: from, end: cuts[i] ?? sentence.end });
      if (span.end > span.start) out.push({ sentence, span, clause: clauseOf(span.start) });
    });
  }
  return out;
}
