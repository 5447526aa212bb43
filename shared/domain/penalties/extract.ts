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
import { parseChineseInteger } from '../text/chinese-numerals';
import type { Span } from '../terms/contract';
import { sentenceSpans } from '../text/sentences';
import { isTableRow, squeeze } from '../text/squeeze';
import { findMoney, findWrittenAmounts, percentString, yuanString } from '../terms/money';
import { RATE_SOURCE, ratePercent } from '../text/rates';
import { PARTY_WORD_SOURCE, type PartyRole } from '../lexicon/parties';
import { documentRoles, whoPays, type Roles } from '../resolve/parties';

/** REPORT.md `penaltyRules[].trigger`. */
export type PenaltyTrigger =
  | 'late_payment'
  | 'late_delivery'
  | 'quality_failure'
  | 'subcontracting'
  | 'confidentiality_breach'
  | 'unilateral_termination'
  | 'service_interruption'
  | 'fraud'
  | 'transition_refusal'
  | 'other';

/** REPORT.md `penaltyRules[].kind`: per day, once, per occurrence, or actual loss only. */
export type PenaltyKind = 'per_day' | 'lump_sum' | 'per_occurrence' | 'actual_loss';

/** REPORT.md `penaltyRules[].base`: what the percent is of. */
export type PenaltyBase =
  'contract_total' | 'overdue_amount' | 'sub_item_budget' | 'daily_fee' | 'paid_amount' | 'other';

/**
 * One penalty rule (REPORT.md `penaltyRules[]`). `percent` is a decimal string of percent
 * (`"0.1"` is 0.1 %); day counts are calendar days as the contract states them.
 */
export interface PenaltyRule {
  id: string;
  clauseId: string | null;
  payer: 'partyA' | 'partyB';
  trigger: PenaltyTrigger;
  kind: PenaltyKind | null;
  /** Null when the contract leaves the rate blank (`合同总价款的【 】`) or fixes a sum instead. */
  percent: string | null;
  /**
   * A fixed sum in yuan (two places) instead of a percent: once, per day or per occurrence as
   * `kind` says (`支付违约金人民币伍拾万元整` → "500000.00", `按每日500元` → "500.00"); `base` is
   * then `other`. Null for percentage rules.
   */
  yuan: string | null;
  base: PenaltyBase;
  /** Days of breach before the penalty starts (`自…第5日起` → 4). */
  startsAfterDays: number | null;
  /** Cap of the accumulated penalty, percent of the same base. */
  capPercent: string | null;
  /** Days of delay after which the other party may terminate (`延期达到30日…解除合同` → 30). */
  terminationAfterDays: number | null;
  /** Whether the termination threshold must be reached (`达到30日`) or exceeded (`超过30日`). */
  terminationWhen: 'reached' | 'exceeded' | null;
  /** Occurrences that give a right to terminate (`达到三次（项）…解除合同` → 3). */
  terminationAfterOccurrences: number | null;
  /** A lump sum due on that termination, read from the same sentence (its rule id). */
  terminationPenaltyRuleId: string | null;
  /** `违约金和损失赔偿以高者为准`: the higher of the penalty and the actual loss is due. */
  higherOfLoss: boolean;
  text: string;
  /** Offsets of the sentence the rule was read from. */
  span: Span;
}

const BASES: [PenaltyBase, string][] = [
  [
    'overdue_amount',
    '逾期(?:支付|付款|未付)?(?:的)?(?:金额|款项|部分)|应付未付(?:款项|金额)?|未付(?:款项|金额)|迟延支付(?:的)?(?:金额|款项)',
  ],
  ['sub_item_budget', '(?:相关)?子项目(?:预算)?(?:金额|费用)|分项(?:预算)?(?:金额|费用)'],
  ['daily_fee', '日均服务费|日服务费|每日服务费(?:用)?|日均费用'],
  ['paid_amount', '已(?:支付|付)(?:的)?(?:款项|费用|金额)'],
  [
    'contract_total',
    '合同(?:总)?(?:金额|价款|总价款?|总价|总额)|(?:合同)?总项目款项|合同款(?:项)?总额|项目(?:总)?(?:金额|价款)|总价款|合同价',
  ],
  // Other bases a rate is commonly of: the unperformed or late part, the fee of the period.
  [
    'other',
    '(?:未(?:履行|完成|交付)|迟延(?:交付|履行)|逾期(?:交付|履行|完成))部分(?:的)?(?:价款|金额|款项|费用)|当(?:期|月|季度?)(?:应付)?(?:服务费|款项|费用)|(?:月度?|季度|年度)服务费(?:用)?',
  ],
];

// A rate, or a rate left blank (`【 】`, `____%`, `…金额的数额` with no number): the rule is kept
// with `percent: null` and reported as a blank field.
/**
 * A rate (`0.1%`, `千分之五`, `万分之五`, `5‰`: see text/rates.ts), or a blank one — `【 】`, underscores, a bare `%` (a DOCX blank whose
 * underlined spaces are gone: `合同金额的%`), or none before `的数额`.
 */
const PERCENT = `(?:[【\\[（(]?\\s*${RATE_SOURCE}\\s*[】\\]）)]?|(【\\s*】|[_＿]{2,}\\s*[%％]?|[%％]|(?=的?数额)))`;
const MENTION_RE = new RegExp(
  `(${BASES.map(([, re]) => re).join('|')})(?:[（(][^（()）]{0,30}[)）])?(?:的)?(?:每日|每天|按日)?(?:的)?(?:\\s*[【\\[]?\\s*)?${PERCENT}`,
  'g',
);
const PENALTY_AFTER = new RegExp(
  `^\\s*(?:每日|每天|按日|\\/日|\\/天)?(?:计算|计)?\\s*(?:的)?\\s*(?:数额|金额)?\\s*(?:的)?\\s*(?:要求)?\\s*(?:${PARTY_WORD_SOURCE})?\\s*(?:向(?:${PARTY_WORD_SOURCE}|对方|守约方))?\\s*(?:支付|承担|赔偿|计付|收取|扣除|扣罚|计收|偿付)?\\s*(?:违约金|违约责任|赔偿|滞纳金|作为违约金|罚款)`,
);

function baseOf(phrase: string): PenaltyBase {
  for (const [base, re] of BASES) if (new RegExp(`^(?:${re})$`).test(phrase)) return base;
  return 'other';
}

/**
 * Any other amount a rate may be of (`保证金总额万分之三`, `原银行保函金额万分之三`,
 * `涉及物品价值的5倍`): a short noun phrase ending in an amount word, tried only where no base of
 * {@link BASES} stands; its base is `other`.
 */
const GENERIC_BASE =
  '(?:(?![按照以向由对给应须需和及或的在从将为并且])[\\u4e00-\\u9fff]){1,6}?(?:保证金总额|保证金金额|保函金额|货款|价款|价值|服务费|费用|金额|总额|款项)';
const GENERIC_RE = new RegExp(
  `(${GENERIC_BASE})(?:[（(][^（()）]{0,30}[)）])?(?:的)?(?:每日|每天|按日)?(?:的)?(?:\\s*[【\\[]?\\s*)?${PERCENT}`,
  'g',
);

const BARE_RE = new RegExp(`(?:按|按照|以)()(?:\\s*[【\\[]?\\s*)?${PERCENT}`, 'g');

/** The rate mentions of a sentence: of a known base, else of any amount ({@link GENERIC_RE}), in order. */
function rateMentions(seg: string): RegExpExecArray[] {
  const known = [...seg.matchAll(new RegExp(MENTION_RE.source, 'g'))] as RegExpExecArray[];
  const overlaps = (m: RegExpExecArray) =>
    known.some((k) => k.index < m.index + m[0].length && m.index < k.index + k[0].length);
  const generic = ([...seg.matchAll(GENERIC_RE)] as RegExpExecArray[]).filter(
    (m) => m[2] !== undefined && !overlaps(m),
  );
  known.push(...generic);
  // A rate with no base at all (`按1‰每日支付违约金`): base `other`.
  const bare = ([...seg.matchAll(BARE_RE)] as RegExpExecArray[]).filter(
    (m) => m[2] !== undefined && !overlaps(m),
  );
  return [...known, ...bare].sort((a, b) => a.index - b.index);
}

const TRIGGERS: [PenaltyTrigger, RegExp][] = [
  ['transition_refusal', /过渡期|交接期|拒绝(?:履行)?(?:过渡|交接)/],
  ['fraud', /虚假|串通|欺诈|弄虚作假|行贿/],
  ['subcontracting', /转包|分包|转委托|转让给第三方/],
  ['service_interruption', /服务中断|中断情形|运维服务中断|中断服务/],
  [
    'late_payment',
    /(?:逾期|延期|迟延|延迟|未按(?:合同)?(?:约定)?(?:期限)?)(?:支付|付款)|(?:支付|付款)[^。；]{0,20}(?:每延期|每逾期|每迟延)/,
  ],
  [
    'late_delivery',
    /(?:逾期|延期|迟延|延迟)(?:提供|交付|完成)|延迟[^。；，]{0,10}完成|未按[^。；，]{0,12}时间交付|未完成或延迟|逾期(?:提交|提供服务)/,
  ],
  [
    'confidentiality_breach',
    /泄露|泄漏|泄密|透露|保密(?:义务|条款|协议|信息|责任|规定|要求)|(?:信息|资料|秘密|内容)(?:予以)?保密|严格保密|负有保密/,
  ],
  ['quality_failure', /质量|验收不合格|未通过验收|不符合(?:合同)?(?:约定的)?(?:标准|要求)/],
];

const UNILATERAL =
  /(?:无故|中途|擅自|无正当理由|没有正当理由|无法定或约定理由)[^，。；]{0,8}解除|(?<!有权)单方(?:面)?解除(?:本)?合同的/;

function triggerOf(context: string, payer?: 'partyA' | 'partyB'): PenaltyTrigger {
  if (UNILATERAL.test(context) && !/逾期|延期|迟延/.test(context)) return 'unilateral_termination';
  for (const [t, re] of TRIGGERS) if (re.test(context)) return t;
  // Lateness without saying of what: the purchaser is late paying, the supplier late performing.
  if (payer && /逾期|延期|迟延|延迟/.test(context))
    return payer === 'partyA' ? 'late_payment' : 'late_delivery';
  return 'other';
}

type Party = PartyRole;
export { documentRoles };
export type { Roles };

function kindOf(context: string, base: PenaltyBase): PenaltyKind | null {
  if (/每[^，。；\d]{0,4}?(?:一|1)?\s*(?:个)?(?:日|天)(?!内)|按日|日计/.test(context))
    return 'per_day';
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

const NDA_TITLE = /保密协议|保密承诺书|保密责任书|保密合同/;

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
  const kind = /^\s*(?:\/\s*(?:日|天)|每日|每天|按日)/.test(afterText)
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
  const term =
    /(?:延期|逾期|延迟|迟延|中断)[^，。；]{0,6}?(达到|超过|超出|满|逾)\s*([【\[]?\s*[\d一二三四五六七八九十]+\s*[】\]]?)\s*(?:个)?(?:日|天|工作日)[^。]{0,30}?(?:解除|终止)/.exec(
      rest,
    );
  const occ = /(?:达到|累计|满)\s*([\d一二三四五六七八九十]+)\s*次[^。]{0,24}?(?:解除|终止)/.exec(
    rest,
  );
  const starts =
    /自[^，。；]{0,16}?第\s*([\d一二三四五六七八九十]+)\s*(?:日|天)起/.exec(part) ??
    /(?:超过|超出)\s*([\d一二三四五六七八九十]+)\s*(?:日|天)(?:后|起)(?:[^，。；]{0,6})?(?:每日|按日)/.exec(
      part,
    );
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

/** Compensation of the loss itself: `赔偿…损失`, `承担…赔偿责任`, `有权向乙方追偿`, `有权要求赔偿`. */
const ACTUAL_LOSS =
  /赔偿[^。；]{0,30}?损失|承担[^。；]{0,8}?赔偿责任|(?:有权|可)向[^，。；]{1,8}?(?:追偿|索赔)|(?:有权)?要求[^，。；]{0,6}?赔偿/;
/** An exemption, not a duty: `乙方不承担赔偿责任`, `甲方不负赔偿责任`, `免除…赔偿责任`. */
const NO_LIABILITY = /(?:不(?:承担|负|予)|免(?:除|于|责)|无须|无需)[^，。；]{0,10}?(?:赔偿|责任)/;
/** A loss clause that only tops up a penalty: `违约金不足以弥补…的，还应赔偿`. */
const TOP_UP = /不足以(?:弥补|赔偿|补偿)|不足部分|超过违约金/;

/** A cap of the accumulated penalty: `违约金累计不超过合同总价的10%` (or `百分之十`). */
const CAP_RE = new RegExp(
  `(?:违约金|累计|总额)[^。；]{0,12}?(?:不超过|最高不超过|最高为|上限为?|以…为限)\\s*(?:合同(?:总)?(?:金额|价款|价|额)(?:的)?)?\\s*${RATE_SOURCE}`,
);

/** Words that make the amount beside them a penalty (`违约金`, `滞纳金`, `赔偿100万元`). */
const PENALTY_WORD = /违约金|滞纳金|罚金|罚款|赔偿(?:金)?/;
/** A cap or a restatement before an amount (`累计不超过`, `即人民币`): not a rule of its own. */
const NOT_A_SUM_BEFORE =
  /(?:不超过|不得超过|最高|上限|累计|以内|总额|即|计|合计|共计|折合|约|合同(?:总)?(?:金额|价款|价)(?:为|是)?|预算(?:金额)?(?:为)?)\s*[:：]?\s*(?:人民币)?\s*[（(]?\s*(?:大写)?\s*[:：]?\s*$/;

/** A floor of the penalty before an amount: `违约金不足`, `低于`, `少于`. */
const FLOOR_BEFORE = /(?:不足|低于|少于|不满)\s*(?:人民币)?\s*$/;

/**
 * Fixed sums named as a penalty in one sentence (`支付违约金人民币伍拾万元整（¥500,000.00）`,
 * `按每日500元向甲方支付违约金`, `支付5000元违约金`), a 大写 amount and its figures counted once.
 * @returns `[start, end, yuan]` relative to the sentence
 */
function penaltySums(seg: string): [number, number, string][] {
  const found = [...findMoney(seg), ...findWrittenAmounts(seg)].sort((a, b) => a.start - b.start);
  const out: [number, number, string][] = [];
  const floors = new Set<string>();
  for (const a of found) {
    const beforeClause = seg
      .slice(Math.max(0, a.start - 24), a.start)
      .split(/[，,。；;]/)
      .pop()!;
    const afterClause = seg.slice(a.end, a.end + 24).split(/[，,。；;]/)[0];
    if (!PENALTY_WORD.test(beforeClause + afterClause)) continue;
    const value = yuanString(a.yuan);
    // A floor (`违约金不足5万元的，按照5万元支付`) is neither a rule nor, restated, a second one.
    if (FLOOR_BEFORE.test(beforeClause)) {
      floors.add(value);
      continue;
    }
    if (floors.has(value)) continue;
    if (NOT_A_SUM_BEFORE.test(beforeClause)) continue;
    const last = out[out.length - 1];
    // 大写 followed by its figures (`伍拾万元整（¥500,000.00）`): one sum.
    if (last && last[2] === value && a.start - last[1] <= 8) {
      last[1] = Math.max(last[1], a.end);
      continue;
    }
    out.push([a.start, a.end, value]);
  }
  return out;
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
      if (!PENALTY_AFTER.test(afterText) && !/违约金|违约责任|赔偿|滞纳金/.test(part)) continue;
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
    for (const f of found.sort((a, b) => a.at - b.at)) rules.push(f.rule);
  });
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
