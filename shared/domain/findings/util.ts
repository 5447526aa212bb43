/** Helpers shared by findings rules. */
import { clauseAt } from '../clauses/parse';
import type { FindingContext } from './types';
import type { TextSpan } from '../text/sentences';

/** Ids of the innermost clauses containing each span, without duplicates. */
export function clauseIdsOf(ctx: FindingContext, spans: TextSpan[]): string[] {
  const ids = spans.map((s) => clauseAt(ctx.clauses, s.start)?.id).filter((x): x is string => !!x);
  return [...new Set(ids)];
}

/** The line of `text` around `offset`: [start, end) without the line break. */
export function lineAround(text: string, offset: number): TextSpan {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return { start, end: nl < 0 ? text.length : nl };
}

/** Levenshtein distance of two short strings (names, identifiers). */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...new Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = Math.min(
        dp[i - 1][j] + 1,
        dp[i][j - 1] + 1,
        dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return dp[a.length][b.length];
}

/** The quote of a finding: the text of each span, in order, joined by ` … `. */
export function quoteOf(text: string, spans: TextSpan[]): string {
  return spans.map((s) => text.slice(s.start, s.end)).join(' … ');
}
