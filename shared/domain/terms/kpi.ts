/**
 * Performance evaluation (绩效考核) bands: how a score maps to a share of the contract total
 * (seed 000's tail payment: `分数80-89分，支付项目尾款=项目金额*10%*90%`) and to a grade (seed
 * 004: `总分为 95 分及以上的，等级为优秀；…；总分低于 60 分的，等级为不合格`).
 */
import Decimal from 'decimal.js';
import type { Span } from './contract';

/** Score → share of the contract total paid (REPORT.md `scoreBands[]`), percent as a string. */
export interface ScoreBand {
  minScore: string;
  percentOfTotal: string;
  span: Span;
}

/** Score → grade (REPORT.md `gradeBands[]`). */
export interface GradeBand {
  minScore: string;
  grade: string;
  span: Span;
}

/** Lower bound of a score range: `90分及以上` → 90, `80-89分` → 80, `(含70分)到80分` → 70, `60分以下`/`低于60分` → 0. */
function minScoreOf(cond: string): string | null {
  // `85分≤乙方得分≤100分` → 85; `乙方得分＜75分` → 0.
  const between =
    /(\d+(?:\.\d+)?)\s*分?\s*(?:≤|<=|＜|<)\s*[^\d，。；]{0,8}(?:得分|分数|总分|评分)/.exec(cond);
  if (between) return between[1];
  if (/(?:得分|分数|总分|评分)\s*(?:＜|<|低于|小于)\s*\d/.test(cond)) return '0';
  if (/(?:低于|不足|小于)\s*\d+(?:\.\d+)?\s*分|\d+(?:\.\d+)?\s*分(?:以下|以内)/.test(cond))
    return '0';
  const atLeast =
    /(\d+(?:\.\d+)?)\s*分?\s*(?:（含\s*\d+(?:\.\d+)?\s*分）|[（(]含[)）])?\s*(?:及以上|以上|\(含\)|到|至|-|－|~|～)/.exec(
      cond,
    );
  if (atLeast) return atLeast[1];
  const ge = /(?:≥|>=|不低于|达到)\s*(\d+(?:\.\d+)?)/.exec(cond);
  return ge ? ge[1] : null;
}

function segments(text: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || '；;。\t'.includes(text[i])) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}

/** Score bands of tail payments: `分数N分…，支付…=项目金额*A%[*B%]`. Highest band first. */
export function extractScoreBands(text: string): ScoreBand[] {
  const out: ScoreBand[] = [];
  for (const seg of segments(text)) {
    const t = text.slice(seg.start, seg.end).replace(/\n/g, '');
    const pay =
      /(?:支付|付)[^=＝]{0,12}[=＝]\s*(?:项目|合同)(?:总)?金额\s*[*×xX]\s*(\d+(?:\.\d+)?)\s*[%％](?:\s*[*×xX]\s*(\d+(?:\.\d+)?)\s*[%％])?/.exec(
        t,
      );
    // `85分≤乙方得分≤100分，甲方付当月结算总价100%`: a share of the amount due.
    const share = pay
      ? null
      : /(?:支付|付|拨付|结算)[^，。；=＝\d%％]{0,12}?(\d+(?:\.\d+)?)\s*[%％]/.exec(t);
    if (!pay && !share) continue;
    const cond = t.slice(0, (pay ?? share)!.index);
    if (!/分/.test(cond)) continue;
    const min = minScoreOf(cond);
    if (min === null) continue;
    let pct = new Decimal(pay ? pay[1] : share![1]);
    if (pay?.[2]) pct = pct.times(pay[2]).div(100);
    if (!out.some((b) => b.minScore === min))
      out.push({ minScore: min, percentOfTotal: pct.toString(), span: seg });
  }
  return out.sort((a, b) => new Decimal(b.minScore).cmp(a.minScore));
}

/** Grade bands: `总分为 N 分及以上的，等级为优秀`. Highest band first. */
export function extractGradeBands(text: string): GradeBand[] {
  const out: GradeBand[] = [];
  for (const seg of segments(text)) {
    const t = text.slice(seg.start, seg.end).replace(/\n/g, '');
    const g =
      /(?:等级|评级|级别)\s*(?:为|是|：|:)\s*([\u4e00-\u9fff]{2,5})/.exec(t) ??
      // `70分（含）及以上为合格`: the grade named right after the score.
      /(?<=分\s*(?:[（(]含[)）])?\s*(?:及|或)?以上(?:的)?\s*)(?:为|评为|定为)\s*(优秀|良好|合格|基本合格|不合格|较差|差)/.exec(
        t,
      );
    if (!g || !/分/.test(t.slice(0, g.index))) continue;
    const min = minScoreOf(t.slice(0, g.index));
    if (min === null) continue;
    if (!out.some((b) => b.grade === g[1])) out.push({ minScore: min, grade: g[1], span: seg });
  }
  return out.sort((a, b) => new Decimal(b.minScore).cmp(a.minScore));
}
