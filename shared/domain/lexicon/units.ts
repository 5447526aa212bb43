/**
 * Units as data: of time (durations of service levels, deadlines and periods), of money, and of
 * rates. Each entry carries what it stands for and an example; `recognize/durations.ts`,
 * `terms/money.ts` and `text/rates.ts` read them, and patterns that need a unit build their
 * alternation from here.
 */

/** The units a duration is counted in. Working days are kept apart from calendar days. */
export type DurationUnit =
  'second' | 'minute' | 'hour' | 'workday' | 'day' | 'week' | 'month' | 'year';

/** One word for a unit of time. */
export interface DurationWord {
  word: string;
  unit: DurationUnit;
  example: string;
  /** An English abbreviation (matched case-insensitively and not inside a word). */
  english?: boolean;
}

/** Words for units of time, longest form first within each unit. */
export const DURATION_WORDS: readonly DurationWord[] = [
  { word: '秒钟', unit: 'second', example: '15秒钟内告警' },
  { word: '秒', unit: 'second', example: '30秒内响应' },
  { word: '分钟', unit: 'minute', example: '普通咨询5分钟内响应' },
  { word: '个小时', unit: 'hour', example: '2个小时内到场' },
  { word: '小时', unit: 'hour', example: '8小时内到达现场' },
  { word: '个工作日', unit: 'workday', example: '收到发票后5个工作日内支付' },
  { word: '工作日', unit: 'workday', example: '10工作日内完成验收' },
  { word: '天', unit: 'day', example: '每逾期一天' },
  { word: '日', unit: 'day', example: '十五日内支付' },
  { word: '周', unit: 'week', example: '每两周提交一次报告' },
  { word: '个月', unit: 'month', example: '服务期12个月' },
  { word: '月', unit: 'month', example: '合同签订后3月内' },
  { word: '年', unit: 'year', example: '保密期限为两年' },
  { word: 'mins', unit: 'minute', example: 'response within 30 mins', english: true },
  { word: 'min', unit: 'minute', example: 'response 15 min', english: true },
  { word: 'hrs', unit: 'hour', example: 'onsite 4 hrs', english: true },
  { word: 'hr', unit: 'hour', example: 'fix within 8 hr', english: true },
  { word: 'h', unit: 'hour', example: '7×24h', english: true },
];

/**
 * Minutes in one unit, for limits counted in minutes (REPORT.md `serviceLevels[].minutes`: a day
 * and a working day count 1,440 minutes). Months and years have no fixed length: null.
 */
export const UNIT_MINUTES: Record<DurationUnit, number | null> = {
  second: 1 / 60,
  minute: 1,
  hour: 60,
  workday: 1440,
  day: 1440,
  week: 10080,
  month: null,
  year: null,
};

/** One word for a unit of money, with the yuan it stands for. */
export interface MoneyWord {
  word: string;
  yuan: number;
  example: string;
}

/** Units of money after figures, longest first. */
export const MONEY_WORDS: readonly MoneyWord[] = [
  { word: '万元', yuan: 10000, example: '合同总价12.5万元' },
  { word: '元', yuan: 1, example: '人民币150392元' },
];

/** One word (or sign) of a rate, with what divides its number to give percent. */
export interface RateWord {
  word: string;
  /** Percent = number ÷ divisor (`千分之五` → 5 ÷ 10 = 0.5 %); `倍` multiplies by 100. */
  divisor: number;
  /** Whether the word comes before the number (`百分之五`) or after it (`5%`). */
  position: 'before' | 'after';
  example: string;
}

/** Rate words and signs. */
export const RATE_WORDS: readonly RateWord[] = [
  { word: '%', divisor: 1, position: 'after', example: '当月服务费的10%' },
  { word: '％', divisor: 1, position: 'after', example: '合同总价的5％' },
  { word: '‰', divisor: 10, position: 'after', example: '每日按合同总额的1 ‰' },
  { word: '百分之', divisor: 1, position: 'before', example: '百分之二十' },
  { word: '千分之', divisor: 10, position: 'before', example: '每日千分之六' },
  { word: '万分之', divisor: 100, position: 'before', example: '按逾期付款金额每日万分之五' },
  { word: '倍', divisor: 0.01, position: 'after', example: '按该项费用的5倍' },
];
