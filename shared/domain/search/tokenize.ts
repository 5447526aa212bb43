/**
 * Tokens for Chinese-aware full-text search: Han text becomes overlapping bigrams (违约金 →
 * 违约, 约金), a single Han character stays as it is, Latin letters and numbers are tokens of
 * their own, letters lower-cased, a number with its decimal point (`RTO≤4小时` → rto, 4, 小时;
 * `GB/T20157-2006` → gb, t, 20157, 2006; `0.5%` → 0.5), so that a code, a unit or a figure glued
 * to its neighbours is found. Bigrams are the standard index for CJK text without a dictionary
 * (as in Lucene's CJK analyzer); queries are tokenised the same way and matched with AND, then
 * checked as a phrase.
 */
import type { Anchor } from '../document';
import { canonicalText } from '../text/normalize';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Tokens of `text` (see module doc); radicals pasted from a PDF count as their ideographs. */
export function cjkTokens(text: string): string[] {
  const out: string[] = [];
  const runs =
    canonicalText(text).match(
      /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z]+|[0-9]+(?:\.[0-9]+)?/g,
    ) ?? [];
  for (const run of runs) {
    if (HAN.test(run[0])) {
      if (run.length === 1) out.push(run);
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    } else out.push(run.toLowerCase());
  }
  return out;
}

/** One search hit: the clause, its page (1-based), a snippet around the match and the anchor of the match. */
export interface SearchHit {
  clauseId: string;
  number: string;
  heading: string;
  page: number | null;
  snippet: string;
  /** Where the match is in `snippet`: [start, end) in UTF-16 units, for highlighting it. */
  match: [number, number];
  anchor: Anchor | null;
}

/** The hits of one contract, as the search returns them. */
export interface SearchGroup {
  contractId: string;
  title: string;
  hits: SearchHit[];
}
