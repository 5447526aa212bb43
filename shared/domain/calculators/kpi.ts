/**
 * Performance scoring (绩效考核): the tail payment from a score (seed 000: `分数80-89分，支付项目尾款
 * =项目金额*10%*90%`), and a rubric scored from 100 by the additions and deductions of a
 * contract's scoring table (seed 004's 附件4), giving the grade, the share of the tail to be
 * refunded for that grade (`按…考核等级退回尾款的 20%、40%、60%`) and the money.
 */
import Decimal from 'decimal.js';
import type { Step } from './penalty';

/** A band of REPORT.md `scoreBands[]`. */
export interface ScoreBandInput {
  minScore: string;
  percentOfTotal: string;
}

/**
 * The tail payment for a score: the band with the highest minimum not above the score.
 * E.g. 000: score 90 → 10 % → 28,000.00; 89.5 → 9 % → 25,200.00; 60 → 7 % → 19,600.00.
 * @throws RangeError for a score outside 0–100 or no bands
 */
export function tailFromScore(score: string, bands: ScoreBandInput[], totalYuan: string) {
  const s = new Decimal(score);
  if (!s.isFinite() || s.lt(0) || s.gt(100))
    throw new RangeError(`分数应在 0 到 100 之间 (score must be 0–100: ${score})`);
  const sorted = [...bands].sort((a, b) => new Decimal(b.minScore).cmp(a.minScore));
  const band = sorted.find((b) => s.gte(b.minScore));
  if (!band) throw new RangeError('合同未约定评分档次 (the contract has no score bands)');
  const total = new Decimal(totalYuan);
  const yuan = total.times(band.percentOfTotal).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const steps: Step[] = [
    {
      label: '所在档次',
      expression: `${s.toString()} 分 ≥ ${band.minScore} 分`,
      value: `${band.percentOfTotal}%`,
    },
    {
      label: '尾款',
      expression: `${total.toFixed(2)} × ${band.percentOfTotal}%`,
      value: yuan.toFixed(2),
    },
  ];
  return { band, percentOfTotal: band.percentOfTotal, yuan: yuan.toFixed(2), steps };
}

/** One scoring item of a rubric with the points it deducts or adds each time. */
export interface RubricItem {
  id: string;
  category: string;
  name: string;
  standard: string;
  /** Points deducted per occurrence (the lowest of a range such as `扣20~30分`). */
  deduct: string | null;
  add: string | null;
}

/**
 * Reads a scoring table (tab-separated rows with `扣N分` / `加N分`) into rubric items.
 * The item name is the cell before the standard; the category the first cell of the row or the
 * last category seen.
 */
export function parseRubric(text: string): RubricItem[] {
  const table = parseRubricTable(text);
  return table.length >= 3 ? table : parseRubricStatements(text);
}

/**
 * Scoring statements in running text (a scoring table that a PDF flattened into prose):
 * `重大故障 每次扣40-50分`, `发现隐患并及时汇报处理并解决，加1分` — each statement an item named by
 * the words before its points.
 */
export function parseRubricStatements(text: string): RubricItem[] {
  const items: RubricItem[] = [];
  const re =
    /([^，。；;\n\t]{2,40}?)\s*[，,]?\s*(扣|加)\s*(\d+(?:\.\d+)?)(?:\s*[~～\-－]\s*\d+(?:\.\d+)?)?\s*分/g;
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 60), m.index);
    if (/违约|赔偿/.test(before + m[0])) continue;
    // A flattened row reads `分类 事项 内容标准`: keep the last two words.
    const name = m[1]
      .replace(/(?:每[^扣加]{0,8})$/, '')
      .trim()
      .split(/\s+/)
      .slice(-2)
      .join(' ')
      .slice(-24);
    if (!/[\u4e00-\u9fff]{2}/.test(name)) continue;
    items.push({
      id: `k${items.length + 1}`,
      category: '',
      name,
      standard: m[0].trim(),
      deduct: m[2] === '扣' ? m[3] : null,
      add: m[2] === '加' ? m[3] : null,
    });
  }
  return items;
}

function parseRubricTable(text: string): RubricItem[] {
  const items: RubricItem[] = [];
  let category = '';
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) continue;
    const cells = line.split('\t').map((c) => c.trim());
    const si = cells.findIndex((c) =>
      /[扣加]\s*\d+(?:\.\d+)?\s*(?:[~～\-－]\s*\d+(?:\.\d+)?\s*)?分/.test(c),
    );
    if (si < 0) continue;
    if (cells[0] && si > 1) category = cells[0];
    const standard = cells[si];
    const deduct = /扣\s*(\d+(?:\.\d+)?)/.exec(standard);
    const add = /加\s*(\d+(?:\.\d+)?)\s*分/.exec(standard);
    const name = [...cells.slice(0, si)].reverse().find((c) => c) ?? category;
    items.push({
      id: `k${items.length + 1}`,
      category,
      name,
      standard,
      deduct: deduct?.[1] ?? null,
      add: add?.[1] ?? null,
    });
  }
  return items;
}

/** A grade band of REPORT.md `gradeBands[]`. */
export interface GradeBandInput {
  minScore: string;
  grade: string;
}

/** Refund shares by grade: `退回尾款的 20%、40%、60%` mapped onto the lowest grades, mildest first. */
export function refundByGrade(text: string, grades: GradeBandInput[]): Record<string, string> {
  const m = /退回尾款的?\s*((?:\d+(?:\.\d+)?\s*%\s*[、，,和及]?\s*)+)/.exec(text);
  if (!m) return {};
  const pcts = [...m[1].matchAll(/(\d+(?:\.\d+)?)\s*%/g)].map((x) => x[1]);
  const sorted = [...grades].sort((a, b) => new Decimal(b.minScore).cmp(a.minScore));
  const lowest = sorted.slice(Math.max(0, sorted.length - pcts.length));
  return Object.fromEntries(lowest.map((g, i) => [g.grade, pcts[i]]));
}

/** An adjustment: an item deducted (negative count) or added (positive count) some times. */
export interface RubricAdjustment {
  itemId: string;
  /** Times the deduction (`kind: 'deduct'`) or addition applies. */
  times: number;
  kind: 'deduct' | 'add';
  /** Points per time, when the user overrides the table's value (e.g. within `扣20~30分`). */
  points?: string;
}

/**
 * Scores a rubric from 100 (capped to 0–100), grades it, and computes the refund of the tail.
 * E.g. 004: deductions of 40 and 0.5 → 59.5 → 不合格 → refund 60% of 232,000.00 = 139,200.00.
 */
export function scoreRubric(
  items: RubricItem[],
  adjustments: RubricAdjustment[],
  grades: GradeBandInput[],
  refunds: Record<string, string>,
  tailYuan: string | null,
) {
  let score = new Decimal(100);
  const steps: Step[] = [{ label: '初始分', expression: '100', value: '100' }];
  for (const a of adjustments) {
    const item = items.find((i) => i.id === a.itemId);
    if (!item) throw new RangeError(`未知考核项 (unknown rubric item ${a.itemId})`);
    const per = new Decimal(a.points ?? (a.kind === 'deduct' ? item.deduct : item.add) ?? '0');
    const delta = per.times(a.times).times(a.kind === 'deduct' ? -1 : 1);
    score = score.plus(delta);
    steps.push({
      label: item.name,
      expression: `${a.kind === 'deduct' ? '扣' : '加'} ${per.toString()} × ${a.times}`,
      value: delta.toString(),
    });
  }
  score = Decimal.min(100, Decimal.max(0, score));
  steps.push({ label: '总分', expression: '100 ± 各项', value: score.toString() });
  const sorted = [...grades].sort((a, b) => new Decimal(b.minScore).cmp(a.minScore));
  const grade = sorted.find((g) => score.gte(g.minScore))?.grade ?? null;
  const refundPercent = grade ? (refunds[grade] ?? '0') : null;
  let refundYuan: string | null = null;
  if (tailYuan && refundPercent !== null) {
    refundYuan = new Decimal(tailYuan)
      .times(refundPercent)
      .div(100)
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
      .toFixed(2);
    steps.push({
      label: '退回尾款',
      expression: `${new Decimal(tailYuan).toFixed(2)} × ${refundPercent}%`,
      value: refundYuan,
    });
  }
  return { score: score.toString(), grade, refundPercent, refundYuan, steps };
}
