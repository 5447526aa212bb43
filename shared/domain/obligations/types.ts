/** The shapes of obligations (REPORT.md `obligations[]`) and the words of their frequencies. */
import type { PartyRole } from '../lexicon/parties';
import type { Span } from '../terms/contract';

/** REPORT.md `obligations[].frequency`. */
export type Frequency =
  | 'once'
  | 'hourly'
  | 'daily'
  | 'weekly'
  | 'monthly'
  | 'quarterly'
  | 'semiannual'
  | 'annual'
  | 'on_event'
  | 'continuous';

/** One obligation. `deadline` is the contract's wording (`验收通过后的一个月内`), or null. */
export interface Obligation {
  id: string;
  clauseId: string | null;
  party: PartyRole;
  /** The duty itself (`网站每日巡检1次`). */
  action: string;
  /** The sentence it stands in, for context (at most 120 characters). */
  context: string;
  frequency: Frequency;
  deadline: string | null;
  deliverable: string | null;
  span: Span;
}

/** Frequency words, first match wins (`每半年` before `每年`). */
export const FREQUENCIES: [Frequency, RegExp][] = [
  ['semiannual', /每半年|半年度|每六个月/],
  ['quarterly', /每季度?|每个季度|按季度?|季度(?:报告|总结|汇报)|季报/],
  ['hourly', /每小时|每个小时/],
  ['weekly', /每周|每星期|按周|周报/],
  ['monthly', /每月|每个月|按月|月度(?:报告|总结|汇报|运行)|月报/],
  ['annual', /每年|每一年|(?<!本)年度(?:报告|总结|汇总|运维|成果|考核)|年报|年终总结|年底前/],
  ['daily', /每日|每天|每个工作日|日报/],
  // Round the clock, or an ongoing duty of operating the system for a period (`负责已完工程一年的运行维护工作`).
  [
    'continuous',
    /7\s*[×xX*]\s*24|全天候|实时(?:监控|监测)|负责[^，。；]{0,12}?(?:运行维护|运营维护)工作/,
  ],
];
