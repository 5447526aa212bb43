/**
 * The vocabulary of penalty clauses (违约责任), as data: the bases a rate is of, the breaches
 * (triggers), the words that make an amount a penalty, and the forms that are not rules (caps,
 * floors, exemptions, top-ups). Each entry carries examples; `penalties/` reads them.
 */
import type { PenaltyBase, PenaltyTrigger } from '../penalties/types';
import { COUNT_SOURCE } from './numerals';

/** Bases of a rate, each a regex source over the phrase before the rate (first match wins). */
export const BASES: [PenaltyBase, string][] = [
  [
    'overdue_amount',
    '(?:逾期|拖欠|迟延|延迟)(?:支付|付款|未付)?(?:的)?(?:服务费用?|货款|价款|金额|款项|部分|费用)|应付未付(?:款项|金额)?|未付(?:的)?(?:服务费用?|货款|价款|款项|金额|费用)|应付(?:款项?|金额|费用)',
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

/** Breaches, each a pattern over the words around the amount (first match wins). */
export const TRIGGERS: [PenaltyTrigger, RegExp][] = [
  ['transition_refusal', /过渡期|交接期|拒绝(?:履行)?(?:过渡|交接)/],
  ['fraud', /虚假|串通|欺诈|弄虚作假|行贿/],
  ['subcontracting', /转包|分包|转委托|转让给第三方/],
  ['service_interruption', /服务中断|中断情形|运维服务中断|中断服务|停机|宕机|瘫痪/],
  [
    'late_payment',
    /(?:逾期|延期|迟延|延迟)(?:支付|付款)|未按[^，。；]{0,12}?(?:支付|付款)|(?:支付|付款)[^。；]{0,20}(?:每延期|每逾期|每迟延)/,
  ],
  [
    'late_delivery',
    /(?:逾期|延期|迟延|延迟)(?:提供|交付|完成|交货|供货|送货|到货|配送|送达)|延迟[^。；，]{0,10}完成|未按[^。；，]{0,12}时间交付|未完成或延迟|逾期(?:提交|提供服务)/,
  ],
  [
    'confidentiality_breach',
    /泄露|泄漏|泄密|透露|保密(?:义务|条款|协议|信息|责任|规定|要求)|(?:信息|资料|秘密|内容)(?:予以)?保密|严格保密|负有保密/,
  ],
  ['quality_failure', /质量|验收不合格|未通过验收|不符合(?:合同)?(?:约定的)?(?:标准|要求)/],
];

export const UNILATERAL =
  /(?:无故|中途|擅自|无正当理由|没有正当理由|无法定或约定理由)[^，。；]{0,8}(?:解除|终止)|(?<!有权)单方(?:面)?(?:违约)?(?:解除|终止)(?:本)?合同的/;

/** Compensation of the loss itself: `赔偿…损失`, `承担…赔偿责任`, `有权向乙方追偿`, `有权要求赔偿`. */
export const ACTUAL_LOSS =
  /赔偿[^。；]{0,30}?损失|承担[^。；]{0,24}?给[^。；，]{1,12}?造成的[^。；，]{0,6}?损失|承担[^。；]{0,8}?赔偿责任|(?:有权|可)向[^，。；]{1,8}?(?:追偿|索赔)|(?:有权)?要求[^，。；]{0,6}?赔偿/;
/** An exemption, not a duty: `乙方不承担赔偿责任`, `甲方不负赔偿责任`, `免除…赔偿责任`. */
export const NO_LIABILITY =
  /(?:不(?:承担|负|予)|免(?:除|于|责)|无须|无需)[^，。；]{0,10}?(?:赔偿|责任)/;
/** A loss clause that only tops up a penalty: `违约金不足以弥补…的，还应赔偿`. */
export const TOP_UP = /不足以(?:弥补|赔偿|补偿)|不足部分|超过违约金/;
/** …that does top the penalty up: `还应赔偿`, `补足差额`, `承担赔偿责任`. */
export const COMPENSATE_AFTER = /赔偿|补偿|补足|承担[^，。；]{0,8}(?:损失|责任)/;

/** Words that make the amount beside them a penalty (`违约金`, `滞纳金`, `赔偿100万元`). */
export const PENALTY_WORD = /违约金|滞纳金|罚金|罚款|赔偿(?:金)?|核减|扣减|扣除|扣罚|(?:违约)?处罚/;
/** A cap or a restatement before an amount (`累计不超过`, `即人民币`): not a rule of its own. */
export const NOT_A_SUM_BEFORE =
  /(?:不超过|不得超过|最高|上限|累计|以内|总额|即|计|合计|共计|折合|约|合同(?:总)?(?:金额|价款|价)(?:为|是)?|预算(?:金额)?(?:为)?)\s*[:：]?\s*(?:人民币)?\s*[（(]?\s*(?:大写)?\s*[:：]?\s*$/;

/** A floor of the penalty before an amount: `违约金不足`, `低于`, `少于`. */
export const FLOOR_BEFORE = /(?:不足|低于|少于|不满)\s*(?:人民币)?\s*$/;

/** Titles of a confidentiality agreement (an attached or standalone 保密协议). */
export const NDA_TITLE = /保密协议|保密承诺书|保密责任书|保密合同/;

/** A deduction verb right before the base makes a rate a penalty: `甲方核减当月保洁服务费的3%`. */
export const DEDUCTION_BEFORE = /(?:核减|扣减|扣除|扣罚|扣款|罚款|处罚|罚)[^，。；]{0,3}$/;
/** …unless what is kept back is a retention: `扣除合同总价的5%作为质量保证金`. */
export const RETENTION_AFTER =
  /^[^，。；]{0,6}(?:作为|作|留作)[^，。；]{0,6}(?:保证金|质保金|保修金)/;

/** So many months' fee as the penalty: `支付3个月保洁服务费作为违约金`, `相当于3个月的服务费`. */
export const PERIOD_FEE = new RegExp(
  String.raw`(?:相当于)?(${COUNT_SOURCE})\s*个月(?:的)?[\u4e00-\u9fff]{0,4}?(?:服务费|费用|合同款|价款)(?=[^，。；]{0,4}(?:作为)?(?:违约金|赔偿))`,
  'g',
);

/** Interest at a published rate: `一年期贷款市场报价利率（LPR）`, `同期银行贷款利率`. */
export const BENCHMARK_RATE =
  /(贷款市场报价利率|LPR)|(同期(?:银行|人民银行)?贷款(?:基准)?利率|银行同期(?:贷款)?利率)/;
/** …of the overdue amount: `所拖欠款项的利息`, `逾期付款的利息`, `迟延付款的，应按…利率支付利息`. */
export const OVERDUE_INTEREST =
  /(?:拖欠|逾期|未付|迟延支付)[^，。；]{0,6}?(?:款项|金额|价款|费用)?[^，。；]{0,4}?利息|(?:逾期|迟延|延迟|拖欠)(?:支付|付款)[^。；]{0,40}?利息/;

/**
 * A refund of what was paid as the penalty (REPORT.md base `paid_amount`, 100 %):
 * `要求乙方退还甲方已支付的全部服务费`, `退还截止到协议终止时甲方支付的全部服务费`, `退还已支付费用`.
 * Not a refund of the unperformed part (`退还已支付但未履行部分的费用`) nor of a bond or deposit.
 */
export const PAID_REFUND =
  /(退还|返还|退回)[^，。；]{0,24}?(?:已|所)?(?:支付|付|收取|收到|缴纳)(?:的)?(?:全部|所有)?(?:服务费用?|费用|款项|合同款|价款)(?![^，。；]{0,4}(?:部分|差额))/;
/** …where the refund is of a part only, or of a bond. */
export const PARTIAL_REFUND = /未(?:履行|完成|提供|服务)|部分|保证金|押金|定金|差额|多(?:付|收)/;

/** A sum or rate counted each time (`1万元/次`, `500元/次`): the rule is `per_occurrence`. */
export const PER_OCCURRENCE_AFTER = /\/\s*(?:次|人次|每次)/;

/** Two sums as a range (`5000元至50000元`, `5000-50000元`): one rule, of the upper sum. */
export const SUM_RANGE_BETWEEN = /^\s*(?:至|到|~|～|-|－|—)\s*$/;

/**
 * A penalty named without its amount, which the contract states elsewhere or leaves open
 * (`设计人应支付逾期违约金`, `按专用合同条款的约定支付逾期付款违约金`): a rule with `percent: null`.
 * Not a noun phrase (`向第三方支付的违约金`, `乙方应支付的违约金…从价款中扣除`).
 */
export const UNSTATED_PENALTY =
  /(?:支付|承担|偿付|计付|赔付)(?:[^，。；]{0,12}?)(?<!的)(?:逾期|延期|迟延|延迟)?(?:付款|交付|履行|完成)?违约金(?![^。；]{0,6}(?:不足|以外|之外|后|外))/;
/** …unless it is waived or only mentioned (`不承担违约金`, `违约金的支付`, `违约金不足以…`). */
export const NOT_UNSTATED =
  /(?:不|无须|无需|免(?:于|除)?)(?:再)?(?:向[^，。；]{1,6})?(?:支付|承担|偿付)[^，。；]{0,6}违约金|违约金的(?:支付|计算|数额|金额)|违约金(?:不足|不能|无法)/;
/** An amount stated near a rule: a rate, a sum in figures or in capitals. */
export const STATED_AMOUNT =
  /\d\s*(?:%|％|‰|元|万元)|分之|[零壹贰叁肆伍陆柒捌玖拾佰仟万]{2,}元|【\s*\d/;

/**
 * Forfeiture of the performance bond: `甲方有权没收履约保证金`, `扣除乙方全部履约保证金`,
 * `其履约保证金不予退还`, `履约保证金归甲方所有`; not a deduction from it (`从履约保证金中扣除`).
 */
export const BOND_FORFEIT =
  /(?:没收|扣除|扣留)(?:其|乙方)?(?:提交|提供|交纳|缴纳)?(?:的)?(?:全部|剩余)?履约保证金(?![^，。；]{0,4}(?:中|的))|履约保证金(?:将|予以|则)?(?:不予退还|不退还|予以没收|(?:全部)?归(?:甲方|采购人)所有)/;
