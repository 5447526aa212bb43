/**
 * Amounts in penalty sentences: rates of a base (`合同总金额的0.1%`, `保证金总额万分之三`, a
 * blank `【 】`), fixed sums (`违约金人民币伍拾万元整`), and caps. Offsets are into the sentence.
 */
import Decimal from 'decimal.js';
import {
  BASES,
  FLOOR_BEFORE,
  NOT_A_SUM_BEFORE,
  PENALTY_WORD,
  SUM_RANGE_BETWEEN,
} from '../lexicon/penalties';
import { PARTY_WORD_SOURCE } from '../lexicon/parties';
import { yuanString } from '../recognize/money';
import type { MentionOf } from '../recognize/mentions';
import { RATE_SOURCE } from '../recognize/rates';
import type { PenaltyBase } from './types';

/**
 * A rate (`0.1%`, `千分之五`, `万分之五`, `5‰`: see text/rates.ts), or a blank one — `【 】`, underscores, a bare `%` (a DOCX blank whose
 * underlined spaces are gone: `合同金额的%`), or none before `的数额`.
 */
const PERCENT = `(?:[【\\[（(]?\\s*${RATE_SOURCE}\\s*[】\\]）)]?|(【\\s*】|[_＿]{2,}\\s*[%％]?|[%％]|(?=的?数额)))`;
export const MENTION_RE = new RegExp(
  `(${BASES.map(([, re]) => re).join('|')})(?:[（(][^（()）]{0,30}[)）])?(?:的)?(?:每日|每天|按日)?(?:的)?(?:\\s*[【\\[]?\\s*)?${PERCENT}`,
  'g',
);
export const PENALTY_AFTER = new RegExp(
  `^\\s*(?:[（(][^（()）]{0,20}[)）])?\\s*(?:每日|每天|按日|\\/日|\\/天)?(?:计算|计收|计)?\\s*(?:的)?\\s*(?:数额|金额)?\\s*(?:的)?\\s*(?:要求)?\\s*(?:${PARTY_WORD_SOURCE})?\\s*(?:向(?:${PARTY_WORD_SOURCE}|对方|守约方))?\\s*(?:支付|承担|赔偿|计付|收取|扣除|扣罚|计收|偿付)?\\s*(?:延迟付款|逾期付款|迟延履行|逾期)?\\s*(?:违约金|违约责任|赔偿|滞纳金|作为违约金|罚款)`,
);

export function baseOf(phrase: string): PenaltyBase {
  for (const [base, re] of BASES) if (new RegExp(`^(?:${re})$`).test(phrase)) return base;
  return 'other';
}

/**
 * Any other amount a rate may be of (`保证金总额万分之三`, `原银行保函金额万分之三`,
 * `涉及物品价值的5倍`): a short noun phrase ending in an amount word, tried only where no base of
 * {@link BASES} stands; its base is `other`.
 */
const GENERIC_BASE =
  '(?:(?![按照以向由对给应须需和及或的在从将为并且核减扣罚除收取])[\\u4e00-\\u9fff]){1,6}?(?:保证金总额|保证金金额|保函金额|合同额|货款|价款|价值|服务费|费用|金额|总额|款项)';
const GENERIC_RE = new RegExp(
  `(${GENERIC_BASE})(?:[（(][^（()）]{0,30}[)）])?(?:的)?(?:每日|每天|按日)?(?:的)?(?:\\s*[【\\[]?\\s*)?${PERCENT}`,
  'g',
);

const BARE_RE = new RegExp(`(?:按|按照|以)()(?:\\s*[【\\[]?\\s*)?${PERCENT}`, 'g');

/**
 * What every form of {@link PERCENT} holds somewhere: a sign (`%`, `‰`), `分之`, `倍`, a blank
 * (`【`, underscores) or `数额`. A sentence without any holds no rate mention, and is not searched.
 */
const MAY_HOLD_RATE = /[%％‰倍【_＿]|分之|数额/;

/** The rate mentions of a sentence: of a known base, else of any amount ({@link GENERIC_RE}), in order. */
export function rateMentions(seg: string): RegExpExecArray[] {
  if (!MAY_HOLD_RATE.test(seg)) return [];
  const known = [...seg.matchAll(MENTION_RE)] as RegExpExecArray[];
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

/** The upper rate of a range right after a rate (`0.5％` `至1％`, `2%` `-3%`), in group 1. */
export const RATE_RANGE_AFTER = new RegExp(`^\\s*(?:至|到|~|～|-|－|—)\\s*${RATE_SOURCE}`);

/** A cap of the accumulated penalty: `违约金累计不超过合同总价的10%` (or `百分之十`). */
export const CAP_RE = new RegExp(
  `(?:违约金|累计|总额)[^。；]{0,12}?(?:不超过|最高不超过|最高为|上限为?|以…为限)\\s*(?:合同(?:总)?(?:金额|价款|价|额)(?:的)?)?\\s*${RATE_SOURCE}`,
);

/**
 * Fixed sums named as a penalty in one sentence (`支付违约金人民币伍拾万元整（¥500,000.00）`,
 * `按每日500元向甲方支付违约金`, `支付5000元违约金`), a 大写 amount and its figures counted once.
 * A range (`5000元至50000元`) is one sum: its upper end, with the lower end as the fourth element.
 * @param found the sentence's money mentions (figures and capitals), in order
 * @returns `[start, end, yuan, yuanMin]` relative to the sentence (yuan as two-place strings)
 */
export function penaltySums(
  seg: string,
  found: readonly MentionOf<'money'>[],
): [number, number, string, string | null][] {
  const out: [number, number, string, string | null][] = [];
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
    if (last && !last[3] && SUM_RANGE_BETWEEN.test(seg.slice(last[1], a.start))) {
      const [low, high] = [new Decimal(last[2]), a.yuan].sort((x, y) => x.cmp(y));
      last[1] = a.end;
      last[2] = yuanString(high);
      last[3] = yuanString(low);
      continue;
    }
    out.push([a.start, a.end, value, null]);
  }
  return out;
}
