/**
 * First pass at NDA terms (保密): which clauses carry confidentiality duties and how long they
 * last (`合作结束后3年`, `项目期间及项目验收后2年`, `长期有效`, `直至该保密信息合法公开时止`).
 */
import type { Clause } from '../clauses/parse';
import type { Span } from './contract';

/** Confidentiality terms found in one contract. */
export interface ConfidentialityTerms {
  /** The duration as the contract words it, or null when it is not stated. */
  duration: string | null;
  durationSpan: Span | null;
  /** Clauses in the confidentiality category (保密条款, 保密协议 and their sub-clauses). */
  clauseIds: string[];
}

const DURATION_RES = [
  /保密期限[^。；\n]{0,12}?(?:为|是|：|:)?\s*([^。；\n]{2,60}?(?:止|年|月|有效))/,
  /((?:合作|合同|项目|服务)[^。；\n]{0,12}?(?:结束|终止|届满|验收)[^。；\n]{0,4}?后\s*[\d一二三四五六七八九十]+\s*年)/,
  /(长期有效|永久有效|直至[^。；\n]{2,30}?(?:公开|公知)[^。；\n]{0,6}?止)/,
];

/** Reads the confidentiality clauses and the first stated duration of secrecy. */
export function extractConfidentiality(text: string, clauses: Clause[]): ConfidentialityTerms {
  const conf = clauses.filter((c) => c.category === 'confidentiality');
  let duration: string | null = null;
  let durationSpan: Span | null = null;
  outer: for (const re of DURATION_RES) {
    for (const c of conf) {
      const own = text.slice(c.start, c.end);
      const m = re.exec(own);
      if (m) {
        duration = m[1].trim();
        const s = c.start + m.index + m[0].indexOf(m[1]);
        durationSpan = { start: s, end: s + m[1].length };
        break outer;
      }
    }
  }
  return { duration, durationSpan, clauseIds: conf.map((c) => c.id) };
}
