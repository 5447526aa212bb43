/**
 * The total amount with its 大写 form and tax split, and the performance bond (履约保证金), as
 * REPORT.md `contract.totalAmount` and `contract.performanceBond` give them; money as Decimal.
 */
import Decimal from 'decimal.js';
import type { Clause } from '../clauses/parse';
import type { SentenceModel } from '../sentences/model';
import { durationUnitSource } from '../recognize/durations';
import { findMoney, findWrittenAmounts, percentString, yuanString } from '../recognize/money';
import { type Span, type ContractBlock } from './contract';
import { sentences } from './text-lines';
import { COUNT_CHARS } from '../lexicon/numerals';

const TOTAL_KEYWORDS =
  /(合同总?金额|合同总价款?|总价款|合同价款?|服务总费用|总费用|维护服务费|运维服务费用?|服务费用?|合同总额|合同款)/g;

/** A line that starts with the bond's name, after an item number (`3、履约保证金`). */
const BOND_HEADING = new RegExp(
  String.raw`(?:^|\t)\s*(?:[\d${COUNT_CHARS}]+[.、．]\s*)?(?:履约保证金|履约保函|履约担保)`,
);

/** What makes an amount a unit price: `/人/月`, `/月`, `每人每月`, `/平方米` right after it. */
const UNIT_PRICE_AFTER = new RegExp(
  `^\\s*(?:[/／]\\s*[\\u4e00-\\u9fff]|每(?:人|次|个|平方米|${durationUnitSource(['hour', 'day', 'month', 'year'], { bareMonth: true })}))`,
);

/**
 * The contract's total (REPORT.md `contract.totalAmount`): the first amount after a total's
 * name (`合同总金额`, `合同价款`, …) in the price and payment clauses, else anywhere; never a
 * percentage of it, a unit price, a penalty or bond, or an amount after a blank total.
 * @returns the value in yuan with its span, and the span of the capital amount (大写) if any
 */
export function extractTotal(model: SentenceModel): {
  value: NonNullable<ContractBlock['totalAmount']>;
  span: Span;
  writtenSpan: Span | null;
} | null {
  const { text, clauses } = model;
  const priceClauses = clauses.filter((c) => c.category === 'price' || c.category === 'payment');
  const regions: Span[] = priceClauses.map((c) => ({ start: c.start, end: c.ownEnd }));
  regions.push({ start: 0, end: text.length });
  for (const region of regions) {
    for (const s of sentences(model, region.start, region.end)) {
      const seg = text.slice(s.start, s.end);
      if (seg.includes('\t') || /违约|赔偿|保证金|保函/.test(seg)) continue;
      TOTAL_KEYWORDS.lastIndex = 0;
      const k = TOTAL_KEYWORDS.exec(seg);
      if (!k) continue;
      const after = seg.slice(k.index + k[0].length);
      if (/^\s*的?\s*[\d【]/.test(after) && /[%％]/.test(after.slice(0, 12))) continue; // 合同金额的50%
      // A unit price (`每人每月服务费为…`) is not the total.
      if (/(?:每人|每月|每年|每次|每天|每日|单价|人\/月)\s*$/.test(seg.slice(0, k.index))) continue;
      const money = findMoney(after.slice(0, 60), s.start + k.index + k[0].length)[0];
      const written = findWrittenAmounts(after.slice(0, 80), s.start + k.index + k[0].length)[0];
      if (!money && !written) continue;
      // …nor an amount per person, month or time (`考核费用：500元/人/月`, `300元每人每天`).
      if (money && UNIT_PRICE_AFTER.test(text.slice(money.end, money.end + 8))) continue;
      // The total left blank (`合同总金额为____元`): a later amount in the sentence is not it.
      const firstAt = Math.min(money?.start ?? Infinity, written?.start ?? Infinity);
      const gap = text.slice(s.start + k.index + k[0].length, firstAt);
      if (/[_＿]{3,}|【\s*】|\[合同中心/.test(gap)) continue;
      const yuan = money ? money.yuan : written!.yuan;
      const span = money
        ? { start: money.start, end: money.end }
        : { start: written!.start, end: written!.end };
      return {
        value: {
          yuan: yuanString(yuan),
          writtenChinese: written ? written.text : null,
          taxRatePercent: null,
          yuanExcludingTax: null,
          taxYuan: null,
        },
        span,
        writtenSpan: written ? { start: written.start, end: written.end } : null,
      };
    }
  }
  return null;
}

/** The VAT rates of PRC law, past and present (percent), for a rate derived from two amounts. */
const VAT_RATES = ['0', '1', '3', '5', '6', '9', '10', '11', '13', '16', '17'];

/**
 * The tax split (价税分离) of the price, where the contract states it: a rate (`税率为6%`,
 * `含6%增值税`, `6%的增值税`) with or without the amounts excluding tax and of tax (`不含税金额`,
 * `税额` / `增值税额`), or the two amounts alone (the rate then derived and accepted only when it
 * is a VAT rate). Missing amounts are computed from the total with Decimal: excluding tax =
 * total ÷ (1 + rate), rounded half up to the fen; tax = total − excluding tax.
 */
export function extractTax(model: SentenceModel, total: Decimal | null) {
  const { text } = model;
  for (const s of sentences(model, 0, text.length)) {
    const seg = text.slice(s.start, s.end);
    if (seg.includes('\t') || /违约|赔偿|保证金/.test(seg)) continue;
    // `6%的增值税`, not `合同金额80%的增值税普通发票` (an invoice for 80 % of the price).
    const stated =
      /税率\s*(?:为|是)?\s*[：:]?\s*(\d+(?:\.\d+)?)\s*[%％]/.exec(seg) ??
      /(\d+(?:\.\d+)?)\s*[%％]\s*(?:的)?\s*(?:增值税|税费|税金)(?!\s*(?:普通|专用)?\s*发票)/.exec(
        seg,
      );
    const rate = stated && VAT_RATES.includes(new Decimal(stated[1]).toString()) ? stated : null;
    const excl = /不含税(?:金额|价款?|总价|价格)?\s*(?:为|是)?\s*[：:]?\s*(?:人民币)?/.exec(seg);
    const tax =
      /(?<!含)(?:增值税额|增值税税额|税费|税额|税金)\s*(?:为|是)?\s*[：:]?\s*(?:人民币)?/.exec(seg);
    const exclMoney = excl
      ? findMoney(seg.slice(excl.index + excl[0].length, excl.index + excl[0].length + 30))[0]
      : undefined;
    const taxMoney = tax
      ? findMoney(seg.slice(tax.index + tax[0].length, tax.index + tax[0].length + 30))[0]
      : undefined;
    let exclYuan = exclMoney?.yuan ?? null;
    let taxYuan = taxMoney?.yuan ?? null;
    let r: Decimal | null = rate ? new Decimal(rate[1]) : null;
    if (!r && exclYuan && taxYuan && !exclYuan.isZero()) {
      const derived = taxYuan.div(exclYuan).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      // Rounding to the fen moves a derived rate by far less than 0.05 points on any real price.
      if (
        VAT_RATES.includes(derived.toString()) &&
        taxYuan.div(exclYuan).times(100).minus(derived).abs().lt(0.05)
      )
        r = derived;
    }
    if (!r) continue;
    // A rate alone counts when the sentence states the price it applies to.
    if (
      !exclMoney &&
      !taxMoney &&
      !/不含税|税额|税费|税金|价税/.test(seg) &&
      !findMoney(seg).length
    )
      continue;
    if (total && !exclYuan)
      exclYuan = total.div(r.div(100).plus(1)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    if (total && exclYuan && !taxYuan) taxYuan = total.minus(exclYuan);
    return {
      taxRatePercent: percentString(r),
      yuanExcludingTax: exclYuan ? yuanString(exclYuan) : null,
      taxYuan: taxYuan ? yuanString(taxYuan) : null,
      span: s,
    };
  }
  return null;
}

export function extractBond(model: SentenceModel, total: Decimal | null) {
  const { text, clauses } = model;
  const bondClauses = clauses.filter((c) => c.category === 'performance_bond');
  // The bond's own clauses first, then the whole text (`own` false), where only a sentence naming
  // the bond counts.
  const regions: (Span & { own: boolean })[] = bondClauses.map((c) => ({
    start: c.start,
    end: c.end,
    own: true,
  }));
  regions.push({ start: 0, end: text.length, own: false });
  for (const region of regions) {
    for (const s of sentences(model, region.start, region.end)) {
      const seg = text.slice(s.start, s.end);
      if (!/履约保证金|履约保函|履约担保/.test(seg) && !region.own) continue;
      if (!/保证金|保函/.test(seg) || /投标保证金|质量保证金|投标保函/.test(seg)) continue;
      // In a table, only a row about the bond itself (`履约保证金\t合同金额的5%`), not a
      // payment-schedule row that names the bond as a condition.
      if (seg.includes('\t') && !BOND_HEADING.test(seg)) continue;
      // The percent or sum must be the bond's (`提交合同金额5%的履约保证金`, `履约保证金为…`), not
      // a payment made once the bond is in (`提交履约保函后…支付合同总金额的30%`).
      const kw = /履约保证金|履约保函|履约担保|保证金|保函/.exec(seg)!;
      const near = (at: number) => at >= kw.index - 20 && at <= kw.index + kw[0].length + 25;
      const between = (at: number) =>
        seg.slice(Math.min(at, kw.index), Math.max(at, kw.index + kw[0].length));
      // Inside the bond's own clause any amount is the bond's, however far from the word.
      const inBondClause = region.own;
      const tied = (at: number) =>
        inBondClause || (near(at) && !/支付|付款|拨付/.test(between(at)));
      const pctAll = [...seg.matchAll(/(\d+(?:\.\d+)?)\s*[%％]/g)];
      const pct = pctAll.find((m) => tied(m.index ?? 0)) ?? null;
      const money = findMoney(seg, s.start).find((m) => tied(m.start - s.start));
      if (!pct && !money) continue;
      const percent = pct ? new Decimal(pct[1]) : null;
      const yuan = money?.yuan ?? (percent && total ? total.times(percent).div(100) : null);
      return {
        value: {
          percent: percent ? percentString(percent) : null,
          yuan: yuan ? yuanString(yuan) : null,
        },
        span: money ? { start: money.start, end: money.end } : s,
      };
    }
  }
  return null;
}
