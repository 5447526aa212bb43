/**
 * Chinese names of the report's vocabularies (REPORT.md), for the app and the command line.
 */
import type { PenaltyBase, PenaltyKind, PenaltyRule, PenaltyTrigger } from './penalties/extract';
import { penaltyKey, type PenaltyLikeness } from './penalties/types';
import type { ServiceMetric } from './terms/service-levels';
import type { Frequency } from './obligations/extract';
import type { Severity } from './findings/types';
import type { NdaSource } from './nda/extract';
import type { DocumentPart } from './lexicon/document-parts';

/** The parties as contracts name them. */
export const PARTY_LABELS: Record<'partyA' | 'partyB', string> = { partyA: '甲方', partyB: '乙方' };

export const TRIGGER_LABELS: Record<PenaltyTrigger, string> = {
  late_payment: '逾期付款',
  late_delivery: '逾期履行',
  quality_failure: '质量不合格',
  subcontracting: '擅自转包分包',
  confidentiality_breach: '违反保密',
  unilateral_termination: '单方解除',
  service_interruption: '服务中断',
  fraud: '虚假/串通',
  transition_refusal: '拒绝过渡交接',
  other: '其他违约',
};

export const KIND_LABELS: Record<PenaltyKind, string> = {
  per_day: '按日',
  lump_sum: '一次性',
  per_occurrence: '按次',
  actual_loss: '按实际损失',
};

export const BASE_LABELS: Record<PenaltyBase, string> = {
  contract_total: '合同总金额',
  overdue_amount: '逾期金额',
  sub_item_budget: '子项目预算',
  daily_fee: '日均服务费',
  paid_amount: '已付款项',
  other: '其他',
};

export const METRIC_LABELS: Record<ServiceMetric, string> = {
  response: '响应',
  resolution: '处置/修复',
  onsite: '到场',
  alert: '告警',
  rto: 'RTO',
  rpo: 'RPO',
  availability: '可用性',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  once: '一次性',
  hourly: '每小时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  semiannual: '每半年',
  annual: '每年',
  on_event: '事件触发',
  continuous: '持续',
};

export const SEVERITY_LABELS: Record<Severity, string> = { high: '高', medium: '中', low: '低' };

export const RULE_LABELS: Record<string, string> = {
  'amount.written-mismatch': '大写金额不符',
  'amount.installments-mismatch': '分期金额不符',
  'id.inconsistent': '编号不一致',
  'signatory.name-mismatch': '签字人姓名不一致',
  'party.name-mismatch': '当事人名称不一致',
  'date.incomplete': '日期不完整',
  'field.blank': '栏目空白',
  'pii.personal-id': '含身份证号',
  'term.inconsistent': '期限不一致',
  'penalty.asymmetric': '违约责任不对等',
  'penalty.ambiguous': '违约金计算不明',
  'ocr.low-confidence': '识别置信度低',
};

export const NDA_SOURCE_LABELS: Record<NdaSource, string> = {
  contract_clause: '合同保密条款',
  agreement: '保密协议',
  personal_agreement: '个人保密协议',
};

export const NDA_TERM_LABELS: Record<string, string> = {
  scope: '保密范围',
  recipients: '知悉范围',
  duration: '保密期限',
  returnDeadlineDays: '返还/销毁期限（日）',
  breachNoticeHours: '泄密通知时限（小时，0 为立即）',
  compelledDisclosureNoticeDays: '依法披露前通知（日）',
  survival: '终止后效力',
};

/** How a duration is written in one language (`formatMinutes`). */
export interface DurationWords {
  days(n: number): string;
  hours(n: number): string;
  hoursMinutes(h: number, m: number): string;
  minutes(n: number): string;
}

/** Durations in Chinese: `1天`, `2小时`, `1小时30分钟`, `30分钟`. */
export const ZH_DURATION_WORDS: DurationWords = {
  days: (n) => `${n}天`,
  hours: (n) => `${n}小时`,
  hoursMinutes: (h, m) => `${h}小时${m}分钟`,
  minutes: (n) => `${n}分钟`,
};

/** Minutes as text: 90 → `1小时30分钟`, 1440 → `1天` (in `words`' language, Chinese by default). */
export function formatMinutes(minutes: number, words: DurationWords = ZH_DURATION_WORDS): string {
  if (minutes % 1440 === 0) return words.days(minutes / 1440);
  if (minutes % 60 === 0) return words.hours(minutes / 60);
  if (minutes > 60) return words.hoursMinutes(Math.floor(minutes / 60), minutes % 60);
  return words.minutes(minutes);
}

/** `"6980000.00"` → `"6,980,000.00"`, on the string (money never goes through JS numbers). */
export function groupYuan(yuan: string): string {
  const [int, frac = '00'] = yuan.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** How a penalty's rate is written in one language (`penaltyRateLabel`). */
export interface RateWords {
  actualLoss: string;
  forfeitsBond: string;
  lpr: string;
  loanRate: string;
  feeMonths(n: number): string;
  blank: string;
  perDay: string;
  perOccurrence: string;
}

/** Penalty rates in Chinese, as reviewers write them. */
export const ZH_RATE_WORDS: RateWords = {
  actualLoss: '赔偿实际损失',
  forfeitsBond: '没收履约保证金',
  lpr: '按LPR计息',
  loanRate: '按同期贷款利率计息',
  feeMonths: (n) => `${n}个月服务费`,
  blank: '比例未填',
  perDay: '/日',
  perOccurrence: '/次',
};

/**
 * What a penalty rule charges, as reviewers write it: a percent of its base (`0.1%`) or a fixed
 * sum in yuan (`¥500.00`), followed by `/日` or `/次` for per-day and per-occurrence rules when
 * `withUnit`; `比例未填` where the contract leaves the rate blank; `赔偿实际损失` for a duty to
 * compensate the actual loss (no agreed amount). In `words`' language, Chinese by default.
 */
export function penaltyRateLabel(
  p: Pick<
    PenaltyRule,
    'percent' | 'yuan' | 'kind' | 'feeMonths' | 'rateBenchmark' | 'forfeitsBond'
  > & { yuanMin?: string; percentMin?: string },
  withUnit = true,
  words: RateWords = ZH_RATE_WORDS,
): string {
  if (p.kind === 'actual_loss') return words.actualLoss;
  if (p.forfeitsBond) return words.forfeitsBond;
  if (p.rateBenchmark) return p.rateBenchmark === 'LPR' ? words.lpr : words.loanRate;
  const amount =
    p.percent !== null
      ? `${p.percentMin ? `${p.percentMin}%–` : ''}${p.percent}%`
      : p.yuan !== null
        ? `${p.yuanMin ? `¥${groupYuan(p.yuanMin)}–` : ''}¥${groupYuan(p.yuan)}`
        : p.feeMonths
          ? words.feeMonths(p.feeMonths)
          : words.blank;
  // A blank rate has no unit: `比例未填/日` reads as a rate.
  if (!withUnit || amount === words.blank) return amount;
  return (
    amount +
    (p.kind === 'per_day' ? words.perDay : p.kind === 'per_occurrence' ? words.perOccurrence : '')
  );
}

/** How the review's scope is written in one language (`scopeLabel`). */
export interface ScopeWords {
  whole: string;
  part(what: string, pages: string): string;
  contractPart: string;
  page(n: number): string;
  pages(from: number, to: number): string;
}

/** The review's scope in Chinese. */
export const ZH_SCOPE_WORDS: ScopeWords = {
  whole: '审阅范围：全文',
  part: (what, pages) => `审阅范围：${what}${pages}`,
  contractPart: '合同部分',
  page: (n) => `（第${n}页）`,
  pages: (from, to) => `（第${from}–${to}页）`,
};

/**
 * What was reviewed, as a reviewer says it: `审阅范围：第五章 合同条款及格式（第59–88页）` for a
 * tender's contract chapter, `审阅范围：全文` for a contract as a whole (in `words`' language).
 */
export function scopeLabel(
  scope: {
    whole: boolean;
    heading: string | null;
    pages: { from: number; to: number } | null;
  },
  words: ScopeWords = ZH_SCOPE_WORDS,
): string {
  if (scope.whole) return words.whole;
  const pages = scope.pages
    ? scope.pages.from === scope.pages.to
      ? words.page(scope.pages.from)
      : words.pages(scope.pages.from, scope.pages.to)
    : '';
  return words.part(scope.heading ?? words.contractPart, pages);
}

/** Alike penalty rules (same payer, breach, kind, rate and base) as one group, in document order. */
export interface PenaltyGroup<R> {
  key: string;
  rules: R[];
}

/**
 * Groups alike penalty rules, so a reviewer sees `乙方 其他违约 按实际损失（7 处）` once and can
 * open each clause, instead of seven identical rows.
 */
export function groupPenaltyRules<R extends PenaltyLikeness>(rules: R[]): PenaltyGroup<R>[] {
  const groups = new Map<string, R[]>();
  for (const r of rules) {
    const key = penaltyKey(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].map(([key, rs]) => ({ key, rules: rs }));
}

/** The parts of a document (`clauses[].part`) as a reviewer names them. */
export const PART_LABELS: Record<DocumentPart, string> = {
  contract: '合同',
  annex: '合同附件',
  tender_procedure: '招标程序',
  bidder_forms: '投标文件格式',
  technical_specification: '采购需求',
  evaluation: '评审办法',
};
