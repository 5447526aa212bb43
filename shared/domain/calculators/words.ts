/**
 * The words of the calculators' working, notes and refusals in one language: Chinese by default
 * (the command line, saved scenarios, exports), English from the renderer's locale. Amounts and
 * operators are written the same in both.
 */

/** The inputs a refusal may name. */
export type CalcField =
  'base' | 'percent' | 'cap' | 'loss' | 'fixed' | 'terminationPercent' | 'total';

/** Every phrase the calculators write (see module doc). */
export interface CalcWords {
  field: Record<CalcField, string>;
  notANumber(field: string): string;
  negative(field: string): string;
  wholeDays: string;
  wholeOccurrences: string;
  chargeableDays: string;
  startsOn(n: number): string;
  perDay: string;
  agreedDaily: string;
  days(n: number): string;
  cap: string;
  capReached(percent: string): string;
  termination: string;
  total: string;
  terminationRight(reached: boolean, days: number): string;
  terminationNotChosen: string;
  terminationNotReached(days: number): string;
  penalty: string;
  perOccurrence: string;
  agreedSum: string;
  times(n: number): string;
  higherOfLoss: string;
  occurrencesReached(n: number): string;
  courtOverLoss(excessPercent: string): string;
  courtShare(sharePercent: string, threshold: string): string;
  courtSource: string;
}

/** The calculators in Chinese. */
export const ZH_CALC_WORDS: CalcWords = {
  field: {
    base: '基数',
    percent: '比例',
    cap: '上限',
    loss: '实际损失',
    fixed: '约定金额',
    terminationPercent: '解除违约金比例',
    total: '合同总金额',
  },
  notANumber: (f) => `${f}不是有效数字`,
  negative: (f) => `${f}不能为负数`,
  wholeDays: '天数须为 0 或正整数',
  wholeOccurrences: '次数须为 0 或正整数',
  chargeableDays: '计费天数',
  startsOn: (n) => `第${n}日起计`,
  perDay: '按日违约金',
  agreedDaily: '约定每日金额',
  days: (n) => `${n} 日`,
  cap: '上限',
  capReached: (p) => `已达违约金上限 ${p}%`,
  termination: '解除合同违约金',
  total: '合计',
  terminationRight: (reached, n) => `逾期${reached ? '达到' : '超过'} ${n} 日：守约方有权解除合同`,
  terminationNotChosen: '未选择解除合同：解除违约金未计入',
  terminationNotReached: (n) => `未达解除条件（逾期须超过 ${n} 日）：解除违约金未计入`,
  penalty: '违约金',
  perOccurrence: '按次违约金',
  agreedSum: '约定金额',
  times: (n) => `${n} 次`,
  higherOfLoss: '以高者为准',
  occurrencesReached: (n) => `已达 ${n} 次：守约方有权单方解除合同`,
  courtOverLoss: (x) =>
    `违约金超过实际损失 ${x}%（超过 30%），法院可能根据当事人请求予以适当减少。此为提示，不构成法律意见。`,
  courtShare: (share, threshold) =>
    `违约金合计达合同总金额的 ${share}%（提示线 ${threshold}%）：请核实实际损失，过分高于损失的违约金可能被法院调减。此为提示，不构成法律意见。`,
  courtSource:
    '《民法典》第585条；《最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释》（2023）第65条：违约金超过造成损失的百分之三十的，一般可以认定为过分高于造成的损失',
};

/** The events a payment may be due after, as the schedule names them. */
export type PaymentEventName = 'invoiceDate' | 'acceptanceDate' | 'serviceEnd' | 'signedOn';

/** Every phrase the payment schedule writes. */
export interface PaymentWords {
  event: Record<PaymentEventName, string>;
  monthEnd(text: string): string;
  fixedDate(iso: string): string;
  noPeriod: string;
  needs(event: string): string;
  after(event: string, from: string, n: number, unit: 'workday' | 'day' | 'month'): string;
  holidaysMissing: string;
  invalidAmount: string;
  invalidTax: string;
  excludingTax: string;
  tax: string;
  /** The checklist's bases for items without a payment condition. */
  noDeadline: string;
  onEvent: string;
  continuous: string;
  byDeadline(deadline: string): string;
  byPeriod: string;
}

/** The payment schedule in Chinese. */
export const ZH_PAYMENT_WORDS: PaymentWords = {
  event: {
    invoiceDate: '收到发票',
    acceptanceDate: '验收合格',
    serviceEnd: '服务期满',
    signedOn: '合同签订',
  },
  monthEnd: (text) => `${text}：当月最后一日`,
  fixedDate: (iso) => `合同约定日期 ${iso}`,
  noPeriod: '合同未约定具体付款期限',
  needs: (event) => `需输入“${event}”日期`,
  after: (event, from, n, unit) =>
    `${event}（${from}）后 ${n} ${unit === 'workday' ? '个工作日' : unit === 'day' ? '日' : '个月'}`,
  holidaysMissing: '（该年份节假日未录入，仅扣除周末）',
  invalidAmount: '金额无效',
  invalidTax: '金额和税率须为非负数',
  excludingTax: '不含税金额',
  tax: '税额',
  noDeadline: '合同未约定期限',
  onEvent: '事件发生时',
  continuous: '服务期内持续',
  byDeadline: (deadline) => `按合同约定（${deadline}）推算`,
  byPeriod: '按服务期限推算',
};
