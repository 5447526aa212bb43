/**
 * The calculators' and the payment schedule's words in English, for the English interface
 * (the renderer) and for checklist rows main builds for it. Amounts and quoted document words
 * stay as written.
 */
import type { CalcWords, PaymentWords } from './words';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The calculators in English. */
export const EN_CALC_WORDS: CalcWords = {
  field: {
    base: 'base',
    percent: 'rate',
    cap: 'cap',
    loss: 'actual loss',
    fixed: 'agreed sum',
    terminationPercent: 'termination rate',
    total: 'contract total',
  },
  notANumber: (f) => `The ${f} is not a number`,
  negative: (f) => `The ${f} cannot be negative`,
  wholeDays: 'Days must be 0 or a whole number',
  wholeOccurrences: 'Occurrences must be 0 or a whole number',
  chargeableDays: 'Chargeable days',
  startsOn: (n) => `counted from day ${n}`,
  perDay: 'Per-day penalty',
  agreedDaily: 'agreed daily sum',
  days: (n) => plural(n, 'day', 'days'),
  cap: 'Cap',
  capReached: (p) => `The penalty cap of ${p} % is reached`,
  termination: 'Termination penalty',
  total: 'Total',
  terminationRight: (reached, n) =>
    reached
      ? `${n} days reached: the other party may terminate`
      : `More than ${n} days: the other party may terminate`,
  terminationNotChosen: 'Termination not chosen: its penalty is not counted',
  terminationNotReached: (n) =>
    `Termination not yet possible (more than ${n} days needed): its penalty is not counted`,
  penalty: 'Penalty',
  perOccurrence: 'Per-occurrence penalty',
  agreedSum: 'agreed sum',
  times: (n) => plural(n, 'time', 'times'),
  higherOfLoss: 'The higher counts',
  occurrencesReached: (n) => `${n} occurrences reached: the other party may terminate`,
  courtOverLoss: (x) =>
    `The penalty exceeds the actual loss by ${x} % (more than 30 %); a court may reduce it on request. A prompt, not legal advice.`,
  courtShare: (share, threshold) =>
    `The penalties reach ${share} % of the contract total (review line ${threshold} %): check the actual loss; penalties excessively above it may be reduced by a court. A prompt, not legal advice.`,
  courtSource:
    "PRC Civil Code art. 585; Supreme People's Court Interpretation on the General Part of Contracts of the Civil Code (2023), art. 65: damages more than 30 % above the loss caused are generally excessively higher than the loss",
};

/** The payment schedule in English. */
export const EN_PAYMENT_WORDS: PaymentWords = {
  event: {
    invoiceDate: 'invoice received',
    acceptanceDate: 'acceptance passed',
    serviceEnd: 'service period ends',
    signedOn: 'contract signed',
  },
  monthEnd: (text) => `${text}: the last day of that month`,
  fixedDate: (iso) => `date fixed by the contract: ${iso}`,
  noPeriod: 'The contract sets no payment period',
  needs: (event) => `Enter the date: ${event}`,
  after: (event, from, n, unit) =>
    `${plural(n, unit === 'workday' ? 'working day' : unit, unit === 'workday' ? 'working days' : `${unit}s`)} after ${event} (${from})`,
  holidaysMissing: " (that year's holidays are not entered; weekends only)",
  invalidAmount: 'Not a valid amount',
  invalidTax: 'Amount and tax rate must be numbers ≥ 0',
  excludingTax: 'Excluding tax',
  tax: 'Tax',
  noDeadline: 'The contract sets no deadline',
  onEvent: 'When the event occurs',
  continuous: 'Throughout the service period',
  byDeadline: (deadline) => `From the contract's deadline (${deadline})`,
  byPeriod: 'From the service period',
};
