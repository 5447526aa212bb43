/**
 * Penalty rules (违约金条款): who pays, for which breach, how much (a percent of which base, or a
 * fixed sum in yuan), once or per day or per occurrence, from which day, up to which cap, and
 * after how many days the other side may terminate; and duties to compensate the actual loss
 * where no amount is agreed (`actual_loss`). Read from sentences such as
 * `每延期一日，乙方应按照合同总金额的 0.1% 向甲方承担违约责任。延期达到 30 日，甲方有权解除合同`.
 * One sentence may hold several rules; a rule whose kind the text leaves unclear keeps
 * `kind: null` (the findings engine reports it as `penalty.ambiguous`) instead of a guess.
 */
import { clauseAt } from '../clauses/parse';
import type { SentenceModel } from '../sentences/model';
import {
  ACTUAL_LOSS,
  BENCHMARK_RATE,
  BOND_FORFEIT,
  DEDUCTION_BEFORE,
  NDA_TITLE,
  NOT_UNSTATED,
  STATED_AMOUNT,
  UNSTATED_PENALTY,
  PAID_REFUND,
  PARTIAL_REFUND,
  OVERDUE_INTEREST,
  PERIOD_FEE,
  RETENTION_AFTER,
  NO_LIABILITY,
  TOP_UP,
  COMPENSATE_AFTER,
} from '../lexicon/penalties';
import { documentRoles, whoPays, type Roles } from '../resolve/parties';
import { parseChineseInteger } from '../text/chinese-numerals';
import { percentString } from '../recognize/money';
import { ratePercent } from '../recognize/rates';
import { PENALTY_AFTER, RATE_RANGE_AFTER, baseOf, penaltySums, rateMentions } from './mentions';
import {
  penaltyKey,
  type PenaltyBase,
  type PenaltyKind,
  type PenaltyRule,
  type PenaltyTrigger,
} from './types';

export type { PenaltyBase, PenaltyKind, PenaltyRule, PenaltyTrigger } from './types';
import { triggerOf } from './triggers';
import { perListedBreach } from './listed';

import { CONTEXT, inNdaPart, ruleAround, type Party, type SentenceAt } from './around';
export { documentRoles };
export type { Roles };

/**
 * Reads every penalty rule of a document: percentages of a base (`合同总金额的 0.1%`) and fixed
 * sums (`违约金人民币伍拾万元整`).
 * @returns rules in document order; ids are `p1`, `p2`, … in that order
 */
export function extractPenaltyRules(model: SentenceModel): PenaltyRule[] {
  const rules: PenaltyRule[] = [];
  const { text, roles, clauses } = model;
  for (const sentence of model.sentences) {
    if (sentence.tableRow) continue; // tables (fee schedules, scoring sheets) are not penalty clauses
    const { text: seg, map } = sentence.squeezed;
    const at: SentenceAt = { model, sentence, seg, map };
    // Rules of this sentence with where their amount stands, so that percentages and fixed sums
    // come out in reading order.
    const found: { at: number; rule: PenaltyRule }[] = [];
    let prevEnd = 0;
    for (const m of rateMentions(seg)) {
      // The words around the amount, within CONTEXT of it (see `around.ts`).
      const afterText = seg.slice(m.index + m[0].length, m.index + m[0].length + CONTEXT);
      const before = seg.slice(Math.max(0, m.index - CONTEXT), m.index);
      const part = seg.slice(prevEnd, m.index + m[0].length);
      const deducted = DEDUCTION_BEFORE.test(before) && !RETENTION_AFTER.test(afterText);
      if (!PENALTY_AFTER.test(afterText) && !/违约金|违约责任|赔偿|滞纳金/.test(part) && !deducted)
        continue;
      if (m[2] === undefined && !PENALTY_AFTER.test(afterText)) continue; // a blank rate must be a penalty's
      if (/(?:不超过|不得超过|最高|上限|累计|以内)[^，。；]{0,6}$/.test(before)) continue; // a cap, read below
      const base = baseOf(m[1]);
      const rate = m[2] !== undefined ? ratePercent(m[2]) : null;
      // A range of rates (`0.5％至1％`, `2%-3%`) is one rule of the upper rate.
      const range = rate ? RATE_RANGE_AFTER.exec(afterText) : null;
      const upper = range ? ratePercent(range[1]) : null;
      const [low, high] = upper && rate ? [rate, upper].sort((x, y) => x.cmp(y)) : [null, rate];
      const percent = high ? percentString(high) : null;
      const index = m.index;
      const end = index + m[0].length + (range && upper ? range[0].length : 0);
      ruleAround(at, index, end, prevEnd, base, (r) =>
        found.push({
          at: index,
          rule: {
            ...r,
            id: '',
            percent,
            yuan: null,
            base,
            ...(low ? { percentMin: percentString(low) } : {}),
          },
        }),
      );
      prevEnd = end;
    }
    let sumPrevEnd = 0;
    for (const [start, end, yuan, yuanMin] of penaltySums(seg, sentence.mentionsOf('money'))) {
      ruleAround(at, start, end, sumPrevEnd, 'other', (r) =>
        found.push({
          at: start,
          rule: {
            ...r,
            id: '',
            percent: null,
            yuan,
            base: 'other',
            ...(yuanMin ? { yuanMin } : {}),
          },
        }),
      );
      sumPrevEnd = end;
    }
    // So many months' fee (`支付3个月保洁服务费作为违约金`).
    for (const m of seg.matchAll(PERIOD_FEE)) {
      const start = m.index ?? 0;
      const months = parseChineseInteger(m[1]);
      if (!months || found.some((f) => Math.abs(f.at - start) < m[0].length)) continue;
      ruleAround(at, start, start + m[0].length, 0, 'other', (r) =>
        found.push({
          at: start,
          rule: { ...r, id: '', percent: null, yuan: null, base: 'other', feeMonths: months },
        }),
      );
    }
    // Forfeiture of the performance bond (`甲方有权没收履约保证金`), once per sentence.
    const forfeit = BOND_FORFEIT.exec(seg);
    if (forfeit) {
      const start = forfeit.index;
      ruleAround(at, start, start + forfeit[0].length, 0, 'other', (r) =>
        found.push({
          at: start,
          rule: {
            ...r,
            id: '',
            kind: 'lump_sum',
            percent: null,
            yuan: null,
            base: 'other',
            forfeitsBond: true,
            terminationAfterDays: null,
            terminationWhen: null,
          },
        }),
      );
    }
    // A refund of what was paid (`要求乙方退还甲方已支付的全部服务费`): 100 % of the paid amount.
    const refund = PAID_REFUND.exec(seg);
    if (refund && !PARTIAL_REFUND.test(refund[0])) {
      // From after the verb (group 1), so that who refunds (`乙方退回…`) stands before it.
      const start = refund.index + refund[1].length;
      ruleAround(at, start, refund.index + refund[0].length, 0, 'paid_amount', (r) =>
        found.push({
          at: start,
          rule: { ...r, id: '', kind: 'lump_sum', percent: '100', yuan: null, base: 'paid_amount' },
        }),
      );
    }
    // A penalty named without its amount (`设计人应支付逾期违约金。…计算方法在专用合同条款中约定`):
    // one rule with the rate null, unless this sentence or the next states an amount.
    const unstated = found.length === 0 ? UNSTATED_PENALTY.exec(seg) : null;
    const next = model.next(sentence);
    if (
      unstated &&
      !NOT_UNSTATED.test(seg) &&
      !TOP_UP.test(seg) &&
      !STATED_AMOUNT.test(seg) &&
      !(next && STATED_AMOUNT.test(next.text))
    ) {
      const start = unstated.index;
      ruleAround(at, start, start + unstated[0].length, 0, 'other', (r) =>
        found.push({ at: start, rule: { ...r, id: '', percent: null, yuan: null, base: 'other' } }),
      );
    }
    // Interest at a published rate on what is overdue (`按…LPR…支付所拖欠款项的利息损失`).
    const bench = found.length === 0 ? BENCHMARK_RATE.exec(seg) : null;
    if (bench && /利息/.test(seg)) {
      const start = bench.index;
      const base: PenaltyBase = OVERDUE_INTEREST.test(seg) ? 'overdue_amount' : 'other';
      ruleAround(at, start, start + bench[0].length, 0, base, (r) =>
        found.push({
          at: start,
          rule: {
            ...r,
            id: '',
            kind: 'per_day',
            percent: null,
            yuan: null,
            base,
            rateBenchmark: bench[1] ? 'LPR' : 'loan_rate',
          },
        }),
      );
    }
    // No percent and no sum: compensation of the actual loss (`赔偿甲方因此遭受的全部损失`); or a
    // top-up on a penalty (`违约金不足以弥补损失的，乙方还应赔偿`), an actual-loss rule of its payer
    // too (REPORT.md "Actual loss").
    const topUp = TOP_UP.exec(seg);
    const toppedUp = topUp && COMPENSATE_AFTER.test(seg.slice(topUp.index)) ? topUp : null;
    // A duty to compensate the loss besides the penalty (`…支付违约金，并赔偿甲方损失`), in a phrase
    // after the last amount's (not the amount's own verb: `按合同总价的10%赔偿甲方损失`).
    const lastAmount = Math.max(0, ...found.map((f) => f.at));
    const nextPhrase = found.length ? seg.slice(lastAmount).search(/[，,；;]/) : -1;
    // …not an alternative to it (`…的违约金，或赔偿…损失，以高者为准`: the rule's higherOfLoss).
    const besides =
      nextPhrase >= 0 &&
      !/^[，,；;]\s*或/.test(seg.slice(lastAmount + nextPhrase)) &&
      !/以(?:较)?高者为准/.test(seg);
    const lossAfter = besides ? ACTUAL_LOSS.exec(seg.slice(lastAmount + nextPhrase)) : null;
    if (lossAfter) lossAfter.index += lastAmount + nextPhrase;
    const loss = NO_LIABILITY.test(seg)
      ? null
      : found.length === 0 && !topUp
        ? ACTUAL_LOSS.exec(seg)
        : (toppedUp ?? lossAfter);
    const lossPayers = (end: number) => {
      const named = whoPays(seg.slice(0, end), seg.slice(end), roles);
      if (named.length || !toppedUp) return named;
      // `…还应赔偿` names no one anew: the payer of the penalty it tops up.
      const said = whoPays(seg, '', roles);
      return said.length ? said : [...new Set(found.map((f) => f.rule.payer))];
    };
    if (loss) {
      const inNda =
        NDA_TITLE.test(text.slice(0, 40)) ||
        inNdaPart(clauseAt(clauses, sentence.start + map[loss.index]), clauses);
      const lossTrigger = (payer: Party): PenaltyTrigger => {
        const t = triggerOf(seg, payer);
        return t === 'other' && inNda ? 'confidentiality_breach' : t;
      };
      ruleAround(
        at,
        loss.index,
        loss.index + loss[0].length,
        0,
        'other',
        (r) =>
          found.push({
            at: loss.index,
            rule: {
              ...r,
              id: '',
              // The breach is the one this sentence names, not the clause's topic.
              trigger: lossTrigger(r.payer),
              kind: 'actual_loss',
              percent: null,
              yuan: null,
              base: 'other',
              startsAfterDays: null,
              capPercent: null,
              terminationAfterDays: null,
              terminationWhen: null,
              terminationAfterOccurrences: null,
            },
          }),
        lossPayers(loss.index + loss[0].length),
      );
    }
    for (const f of found.sort((a, b) => a.at - b.at))
      rules.push(...perListedBreach(text, seg, map, sentence.start, f));
  }
  // The same rule read twice from one sentence (by two of the readings above) is one rule.
  const seen = new Set<string>();
  const unique = rules.filter((r) => {
    const key = `${r.span.start}|${penaltyKey(r)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  rules.splice(0, rules.length, ...unique);
  rules.forEach((r, i) => (r.id = `p${i + 1}`));
  // A per-day rule's termination lump sum: the same payer's lump sum for the same breach in the
  // same sentence (`…延期交付超过30日，甲方有权解除合同并要求乙方支付合同总金额30%的违约金`).
  const lumps = new Map<string, PenaltyRule>();
  for (const o of rules) {
    const key = `${o.payer}|${o.trigger}|${o.span.start}`;
    if (o.kind === 'lump_sum' && !lumps.has(key)) lumps.set(key, o);
  }
  for (const r of rules) {
    if (r.kind !== 'per_day' || !r.terminationAfterDays) continue;
    const lump = lumps.get(`${r.payer}|${r.trigger}|${r.span.start}`);
    if (lump) r.terminationPenaltyRuleId = lump.id;
  }
  return rules;
}
