/**
 * What stands around an amount in a penalty sentence, read into the rest of its rule: the
 * breach (trigger), once or per day or per occurrence, who pays, from which day, up to which cap,
 * and after how many days or occurrences the other side may terminate.
 */
import type { Clause } from '../clauses/parse';
import { clauseAt } from '../clauses/parse';
import type { AnnotatedSentence, SentenceModel } from '../sentences/model';
import { DEDUCTION_BEFORE, NDA_TITLE, PER_OCCURRENCE_AFTER } from '../lexicon/penalties';
import type { PartyRole } from '../lexicon/parties';
import { whoPays } from '../resolve/parties';
import { parseChineseInteger } from '../text/chinese-numerals';
import { percentString } from '../recognize/money';
import { ratePercent } from '../recognize/rates';
import { CAP_RE } from './mentions';
import { type PenaltyBase, type PenaltyKind, type PenaltyRule } from './types';

import { triggerOf } from './triggers';
import { COUNT_SOURCE } from '../lexicon/numerals';
import { durationUnitSource } from '../recognize/durations';

/** A party who pays. */
export type Party = PartyRole;

/**
 * How far (characters of the squeezed sentence) a rule's words are looked for on either side
 * of its amount: a breach, a per-day word, a cap or a termination threshold stands within a
 * sentence's reach of the amount, and a bound keeps a hostile sentence of 100,000 amounts linear.
 */
export const CONTEXT = 500;

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
  if (/每(?:发生|出现|发现|违反)?一?(?:次|项|起|例|处)|一次（项）|一次\(项\)/.test(context))
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
export function inNdaPart(clause: Clause | null, clauses: Clause[]): boolean {
  for (let c = clause; c; c = clauses.find((x) => x.id === c!.parentId) ?? null)
    if (c.level === 0 && NDA_TITLE.test(c.heading)) return true;
  return false;
}

/** A sentence of the document's model, as the extractor walks them. */
export interface SentenceAt {
  model: SentenceModel;
  sentence: AnnotatedSentence;
  /** The sentence squeezed of layout whitespace, and the original offset of each character. */
  seg: string;
  map: number[];
}

/**
 * The parts of one rule that do not depend on how the amount is written (a percent of a base or
 * a fixed sum): the clause, the trigger, the kind, the payers, the start day, the cap and the
 * termination threshold, read around the amount at `seg[at, end)`.
 */
export function ruleAround(
  { model, sentence, seg, map }: SentenceAt,
  at: number,
  end: number,
  prevEnd: number,
  base: PenaltyBase,
  push: (r: Omit<PenaltyRule, 'id' | 'percent' | 'yuan' | 'base'>) => void,
  /** Who pays, when the caller knows better than the subject-before-amount reading. */
  knownPayers?: Party[],
): void {
  const { text, roles, clauses } = model;
  // What is read around the amount lies within CONTEXT characters of it: a rule's words stand
  // near its amount, and a sentence of 100,000 rules costs linear time, not quadratic.
  const afterText = seg.slice(end, end + CONTEXT);
  const before = seg.slice(Math.max(0, at - CONTEXT), at);
  const part = seg.slice(prevEnd, end);
  const origin = sentence.start + map[at];
  // A sentence may run into a listed item's clause: the clause is the amount's own.
  const clause = clauseAt(clauses, origin);
  // The clause's own opening words (`14. 过渡期义务，…`) name its topic; later sentences of a long
  // clause are other topics.
  const clauseStart = clause ? clause.start : sentence.start;
  const leadStop = text.slice(clauseStart, clauseStart + CONTEXT).search(/[。；;\n]/);
  const leadEnd = Math.min(origin, leadStop < 0 ? clauseStart + CONTEXT : leadStop + clauseStart);
  const prevSentence = model.previous(sentence);
  const clauseLead =
    text.slice(clauseStart, leadEnd > clauseStart ? leadEnd : origin) +
    // …and the sentence before, when it belongs to the same clause (`过渡期义务，…；若乙方拒绝履行，…`).
    (prevSentence && prevSentence.start >= clauseStart
      ? `。${text.slice(Math.max(prevSentence.start, prevSentence.end - CONTEXT), prevSentence.end)}`
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
    : PER_OCCURRENCE_AFTER.test(afterText) && kindOf(part, base) !== 'per_day'
      ? 'per_occurrence'
      : kindOf(part, base);
  const payers = whoPays(
    before.slice(Math.max(0, part.length > 0 ? before.length - part.length - 40 : 0)),
    afterText,
    roles,
  );
  const named = knownPayers?.length
    ? knownPayers
    : payers.length
      ? payers
      : whoPays(clauseLead, afterText, roles);
  // A deduction from the fee with no party named (`扣除该项目当月保洁费用的2%`) falls on the one
  // the fee is paid to: the supplier.
  const effectivePayers: Party[] =
    named.length || !DEDUCTION_BEFORE.test(before) ? named : ['partyB'];
  // Termination threshold: later in this sentence or in the next one.
  const rest = (seg.slice(at, at + CONTEXT) + (model.next(sentence)?.text ?? '')).slice(
    0,
    2 * CONTEXT,
  );
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
