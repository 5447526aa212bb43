/**
 * Penalty rules (违约金条款): who pays, for which breach, how much (a percent of which base, or a
 * fixed sum in yuan), once or per day or per occurrence, from which day, up to which cap, and
 * after how many days the other side may terminate; and duties to compensate the actual loss
 * where no amount is agreed (`actual_loss`). Read from sentences such as
 * `每延期一日，乙方应按照合同总金额的 0.1% 向甲方承担违约责任。延期达到 30 日，甲方有权解除合同`.
 * One sentence may hold several rules; a rule whose kind the text leaves unclear keeps
 * `kind: null` (the findings engine reports it as `penalty.ambiguous`) instead of a guess.
 */
import type { Clause } from '../clauses/parse';
import { clauseAt } from '../clauses/parse';
import { startsWithHeadingNumber } from '../clauses/numbering';
import {
  ACTUAL_LOSS,
  BENCHMARK_RATE,
  BOND_FORFEIT,
  DEDUCTION_BEFORE,
  NDA_TITLE,
  OVERDUE_INTEREST,
  PERIOD_FEE,
  RETENTION_AFTER,
  NO_LIABILITY,
  TOP_UP,
  TRIGGERS,
  UNILATERAL,
} from '../lexicon/penalties';
import type { PartyRole } from '../lexicon/parties';
import { documentRoles, whoPays, type Roles } from '../resolve/parties';
import { parseChineseInteger } from '../text/chinese-numerals';
import type { Span } from '../terms/contract';
import { sentenceSpans } from '../text/sentences';
import { isTableRow, squeeze } from '../text/squeeze';
import { percentString } from '../terms/money';
import { ratePercent } from '../text/rates';
import { CAP_RE, PENALTY_AFTER, baseOf, penaltySums, rateMentions } from './mentions';
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
import { COUNT_SOURCE } from '../lexicon/numerals';
import { durationUnitSource } from '../recognize/durations';

type Party = PartyRole;
export { documentRoles };
export type { Roles };

const DAY = durationUnitSource(['day']);
/** A per-day word before the rate: `每日`, `每逾期一天`, `每延期1个日`, `按日`, `日计` (not `每…日内`). */
const PER_DAY = new RegExp(`每[^，。；\\d]{0,4}?(?:一|1)?\\s*(?:个)?(?:${DAY})(?!内)|按日|日计`);
/** A per-day word after the rate: `0.5%/日`, `千分之三每日计算`. */
const PER_DAY_AFTER = new RegExp(`^\\s*(?:\\/\\s*(?:${DAY})|每日|每天|按日)`);
/** The days of delay after which the other side may terminate (`逾期超过30日的，甲方有权解除合同`). */
const TERMINATION_AFTER_DAYS = new RegExp(
  `(?:延期|逾期|延迟|迟延|中断)[^，。；]{0,6}?(达到|超过|超出|满|逾)\\s*([【\\[]?\\s*${COUNT_SOURCE}\\s*[】\\]]?)\\s*(?:个)?(?:${durationUnitSource(['day', 'workday'])})[^。]{0,30}?(?:解除|终止)`,
);
/** The times of a breach after which the other side may terminate (`累计达到3次的，…解除`). */
const TERMINATION_AFTER_TIMES = new RegExp(
  `(?:达到|累计|满)\\s*(${COUNT_SOURCE})\\s*次[^。]{0,24}?(?:解除|终止)`,
);
/** The day a per-day penalty starts counting: `自逾期第4日起`, `超过3日后每日…`. */
const FROM_DAY = new RegExp(`自[^，。；]{0,16}?第\\s*(${COUNT_SOURCE})\\s*(?:${DAY})起`);
const AFTER_DAYS = new RegExp(
  `(?:超过|超出)\\s*(${COUNT_SOURCE})\\s*(?:${DAY})(?:后|起)(?:[^，。；]{0,6})?(?:每日|按日)`,
);

function kindOf(context: string, base: PenaltyBase): PenaltyKind | null {
  if (PER_DAY.test(context)) return 'per_day';
  if (/每(?:次|项|发生一次)|一次（项）|一次\(项\)|每一次|每出现一次/.test(context))
    return 'per_occurrence';
  if (base === 'daily_fee') return 'per_day';
  // A continuing breach (an interruption, a delay) without a per-day or per-time word: unclear.
  if (/持续|中断|逾期|延期|迟延|延迟/.test(context) && !/解除|终止/.test(context)) return null;
  return 'lump_sum';
}

function daysNumber(s: string): number | null {
  return parseChineseInteger(s.replace(/[【】\[\]\s]/g, ''));
}

/** Whether `clause` lies in a part of the document titled as a confidentiality agreement. */
function inNdaPart(clause: Clause | null, clauses: Clause[]): boolean {
  for (let c = clause; c; c = clauses.find((x) => x.id === c!.parentId) ?? null)
    if (c.level === 0 && NDA_TITLE.test(c.heading)) return true;
  return false;
}

/** A sentence of the document with its neighbours, as the extractor walks them. */
interface SentenceAt {
  text: string;
  roles: Roles;
  clauses: Clause[];
  sentences: Span[];
  si: number;
  /** The sentence squeezed of layout whitespace, and the original offset of each character. */
  seg: string;
  map: number[];
}

/**
 * The parts of one rule that do not depend on how the amount is written (a percent of a base or
 * a fixed sum): the clause, the trigger, the kind, the payers, the start day, the cap and the
 * termination threshold, read around the amount at `seg[at, end)`.
 */
function ruleAround(
  { text, roles, clauses, sentences, si, seg, map }: SentenceAt,
  at: number,
  end: number,
  prevEnd: number,
  base: PenaltyBase,
  push: (r: Omit<PenaltyRule, 'id' | 'percent' | 'yuan' | 'base'>) => void,
  /** Who pays, when the caller knows better than the subject-before-amount reading. */
  knownPayers?: Party[],
): void {
  const sentence = sentences[si];
  const afterText = seg.slice(end);
  const before = seg.slice(0, at);
  const part = seg.slice(prevEnd, end);
  const origin = sentence.start + map[at];
  const clause = clauseAt(clauses, origin);
  // The clause's own opening words (`14. 过渡期义务，…`) name its topic; later sentences of a long
  // clause are other topics.
  const clauseStart = clause ? clause.start : sentence.start;
  const leadEnd = Math.min(origin, text.slice(clauseStart).search(/[。；;\n]/) + clauseStart);
  const prevSentence = sentences[si - 1];
  const clauseLead =
    text.slice(clauseStart, leadEnd > clauseStart ? leadEnd : origin) +
    // …and the sentence before, when it belongs to the same clause (`过渡期义务，…；若乙方拒绝履行，…`).
    (prevSentence && prevSentence.start >= clauseStart
      ? `。${text.slice(prevSentence.start, prevSentence.end)}`
      : '');
  let trigger = triggerOf(part);
  if (trigger === 'other') trigger = triggerOf(before);
  if (trigger === 'other') trigger = triggerOf(clauseLead);
  // Any breach of a confidentiality agreement (an attached or standalone 保密协议) is a breach of
  // confidentiality.
  if (trigger === 'other' && (NDA_TITLE.test(text.slice(0, 40)) || inNdaPart(clause, clauses)))
    trigger = 'confidentiality_breach';
  // A per-day word may follow the rate itself (`千分之三每日计算`, `0.5%/日`).
  const kind = PER_DAY_AFTER.test(afterText.replace(/^\s*[（(][^（()）]{0,20}[)）]/, ''))
    ? 'per_day'
    : kindOf(part, base);
  const payers = whoPays(
    before.slice(Math.max(0, part.length > 0 ? before.length - part.length - 40 : 0)),
    afterText,
    roles,
  );
  const effectivePayers = knownPayers?.length
    ? knownPayers
    : payers.length
      ? payers
      : whoPays(clauseLead, afterText, roles);
  // Termination threshold: later in this sentence or in the next one.
  const rest =
    seg.slice(at) +
    (sentences[si + 1] ? text.slice(sentences[si + 1].start, sentences[si + 1].end) : '');
  const term = TERMINATION_AFTER_DAYS.exec(rest);
  const occ = TERMINATION_AFTER_TIMES.exec(rest);
  const starts = FROM_DAY.exec(part) ?? AFTER_DAYS.exec(part);
  const cap = CAP_RE.exec(rest);
  const capRate = cap ? ratePercent(cap[1]) : null;
  for (const payer of effectivePayers) {
    const payerTrigger =
      trigger !== 'other'
        ? trigger
        : triggerOf(part, payer) !== 'other'
          ? triggerOf(part, payer)
          : triggerOf(clauseLead);
    push({
      clauseId: clause?.id ?? null,
      payer,
      trigger: payerTrigger,
      kind,
      startsAfterDays: starts
        ? (daysNumber(starts[1]) ?? 1) - (starts[0].startsWith('自') ? 1 : 0)
        : null,
      capPercent: capRate ? percentString(capRate) : null,
      terminationAfterDays:
        kind === 'per_day' || kind === null ? (term ? daysNumber(term[2]) : null) : null,
      terminationWhen:
        (kind === 'per_day' || kind === null) && term
          ? /达到|满/.test(term[1])
            ? 'reached'
            : 'exceeded'
          : null,
      terminationAfterOccurrences: kind === 'per_occurrence' && occ ? daysNumber(occ[1]) : null,
      terminationPenaltyRuleId: null,
      higherOfLoss: /以(?:较)?高者为准/.test(rest),
      text: text.slice(sentence.start, sentence.end).trim(),
      span: { start: sentence.start, end: sentence.end },
    });
  }
}

/**
 * Reads every penalty rule of a document: percentages of a base (`合同总金额的 0.1%`) and fixed
 * sums (`违约金人民币伍拾万元整`).
 * @returns rules in document order; ids are `p1`, `p2`, … in that order
 */
export function extractPenaltyRules(text: string, clauses: Clause[]): PenaltyRule[] {
  const rules: PenaltyRule[] = [];
  const sentences = sentenceSpans(text, 0, text.length);
  const roles = documentRoles(text);
  sentences.forEach((sentence, si) => {
    const source = text.slice(sentence.start, sentence.end);
    if (isTableRow(source)) return; // tables (fee schedules, scoring sheets) are not penalty clauses
    const { text: seg, map } = squeeze(source);
    const at: SentenceAt = { text, roles, clauses, sentences, si, seg, map };
    // Rules of this sentence with where their amount stands, so that percentages and fixed sums
    // come out in reading order.
    const found: { at: number; rule: PenaltyRule }[] = [];
    let prevEnd = 0;
    for (const m of rateMentions(seg)) {
      const afterText = seg.slice(m.index + m[0].length);
      const before = seg.slice(0, m.index);
      const part = seg.slice(prevEnd, m.index + m[0].length);
      const deducted = DEDUCTION_BEFORE.test(before) && !RETENTION_AFTER.test(afterText);
      if (!PENALTY_AFTER.test(afterText) && !/违约金|违约责任|赔偿|滞纳金/.test(part) && !deducted)
        continue;
      if (m[2] === undefined && !PENALTY_AFTER.test(afterText)) continue; // a blank rate must be a penalty's
      if (/(?:不超过|不得超过|最高|上限|累计|以内)[^，。；]{0,6}$/.test(before)) continue; // a cap, read below
      const base = baseOf(m[1]);
      const rate = m[2] !== undefined ? ratePercent(m[2]) : null;
      const percent = rate ? percentString(rate) : null;
      const index = m.index;
      ruleAround(at, index, index + m[0].length, prevEnd, base, (r) =>
        found.push({ at: index, rule: { ...r, id: '', percent, yuan: null, base } }),
      );
      prevEnd = index + m[0].length;
    }
    let sumPrevEnd = 0;
    for (const [start, end, yuan] of penaltySums(seg)) {
      ruleAround(at, start, end, sumPrevEnd, 'other', (r) =>
        found.push({ at: start, rule: { ...r, id: '', percent: null, yuan, base: 'other' } }),
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
    // No percent and no sum: compensation of the actual loss (`赔偿甲方因此遭受的全部损失`), unless
    // it only tops up a penalty stated before (`违约金不足以弥补损失的，还应赔偿`).
    const loss =
      found.length === 0 && !TOP_UP.test(seg) && !NO_LIABILITY.test(seg)
        ? ACTUAL_LOSS.exec(seg)
        : null;
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
        whoPays(
          seg.slice(0, loss.index + loss[0].length),
          seg.slice(loss.index + loss[0].length),
          roles,
        ),
      );
    }
    for (const f of found.sort((a, b) => a.at - b.at))
      rules.push(...perListedBreach(text, seg, map, sentence.start, f));
  });
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
  for (const r of rules) {
    if (r.kind !== 'per_day' || !r.terminationAfterDays) continue;
    const lump = rules.find(
      (o) =>
        o !== r &&
        o.kind === 'lump_sum' &&
        o.payer === r.payer &&
        o.trigger === r.trigger &&
        o.span.start === r.span.start,
    );
    if (lump) r.terminationPenaltyRuleId = lump.id;
  }
  return rules;
}
