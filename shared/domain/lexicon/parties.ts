/**
 * Words that name a party of the contract, each with the role it stands for (REPORT.md: `partyA`
 * 甲方 / purchaser, `partyB` 乙方 / supplier). Data only: the one place these words are written;
 * every pattern that needs them is built from {@link PARTY_WORD_SOURCE} or {@link roleOfPartyWord}.
 */

/** The two sides of a contract. */
export type PartyRole = 'partyA' | 'partyB';

/** A party word, its role (null where the word binds either side), and an example. */
export interface PartyWord {
  word: string;
  role: PartyRole | null;
  example: string;
}

/** Party words, in the order they are tried (longer before shorter). */
export const PARTY_WORDS: readonly PartyWord[] = [
  { word: '甲方', role: 'partyA', example: '甲方应在收到发票后10个工作日内付款' },
  { word: '乙方', role: 'partyB', example: '乙方应提供7×24小时服务' },
  { word: '采购人', role: 'partyA', example: '采购人：某市大数据管理局' },
  { word: '采购单位', role: 'partyA', example: '采购单位（甲方）：某区教育局' },
  { word: '采购方', role: 'partyA', example: '采购方有权解除合同' },
  { word: '购买方', role: 'partyA', example: '购买方：某市财政局' },
  { word: '买方', role: 'partyA', example: '买方逾期付款的' },
  { word: '委托单位', role: 'partyA', example: '委托单位：某市档案馆' },
  { word: '委托方', role: 'partyA', example: '甲方（委托方）：榆林高新控股集团有限公司' },
  { word: '委托人', role: 'partyA', example: '甲方（委托人）：上海市大数据中心' },
  { word: '发包人', role: 'partyA', example: '发包人应按约定支付设计费' },
  { word: '用工单位', role: 'partyA', example: '甲方（用工单位）：某银行上海分行' },
  { word: '供应商', role: 'partyB', example: '供应商：某信息技术有限公司' },
  { word: '成交供应商', role: 'partyB', example: '成交供应商应在签订合同后提交履约保证金' },
  { word: '中标供应商', role: 'partyB', example: '中标供应商未按期提供服务的' },
  { word: '中标人', role: 'partyB', example: '中标人应提交履约保证金' },
  { word: '中标单位', role: 'partyB', example: '中标单位：某物业管理有限公司' },
  { word: '卖方', role: 'partyB', example: '卖方逾期交付的' },
  { word: '提供方', role: 'partyB', example: '服务提供方' },
  { word: '服务单位', role: 'partyB', example: '服务单位：某科技有限公司' },
  { word: '服务方', role: 'partyB', example: '乙方（服务方）：' },
  { word: '招标人', role: 'partyA', example: '招标人（甲方）：某市数据资源管理局' },
  { word: '建设单位', role: 'partyA', example: '建设单位（甲方）：某市水务局' },
  { word: '业主单位', role: 'partyA', example: '项目资料移交业主单位' },
  { word: '业主方', role: 'partyA', example: '业主方有权对乙方人员进行考核' },
  { word: '定作人', role: 'partyA', example: '定作人（甲方）：某区政务服务中心' },
  { word: '承揽人', role: 'partyB', example: '承揽人应按期交付工作成果' },
  { word: '承接方', role: 'partyB', example: '承接方（乙方）：某科技有限公司' },
  { word: '实施单位', role: 'partyB', example: '实施单位应在合同签订后10日内进场' },
  { word: '运维单位', role: 'partyB', example: '运维单位应每月提交运维报告' },
  { word: '服务提供商', role: 'partyB', example: '服务提供商应保证系统可用性' },
  { word: '服务商', role: 'partyB', example: '服务商应配备驻场工程师' },
  { word: '受托方', role: 'partyB', example: '乙方（受托方）：' },
  { word: '受托人', role: 'partyB', example: '乙方（受托人）：[合同中心-供应商名称]' },
  { word: '承包人', role: 'partyB', example: '承包人（全称）：[合同中心-供应商名称]' },
  { word: '设计人', role: 'partyB', example: '设计人应按发包人要求提交设计文件' },
  { word: '研究开发人', role: 'partyB', example: '研究开发人（乙方）：' },
  { word: '劳务外包单位', role: 'partyB', example: '乙方（劳务外包单位）：' },
];

/** Words that bind whichever party is in breach, or either party (`违约方`, `任何一方`). */
export const EITHER_PARTY_WORDS: readonly string[] = [
  '违约方',
  '任何一方',
  '任一方',
  '一方',
  '双方',
];

/**
 * Party words as a regex alternation (no group), longest first, with an optional space inside
 * two-character words as PDFs spread them (`甲 方`).
 */
const sourceOf = (words: readonly PartyWord[]) =>
  [...words]
    .sort((a, b) => b.word.length - a.word.length)
    .map((w) => (w.word.length === 2 ? `${w.word[0]}\\s?${w.word[1]}` : w.word))
    .join('|');

/** Every party word of {@link PARTY_WORDS} as one alternation. */
export const PARTY_WORD_SOURCE = sourceOf(PARTY_WORDS);

/** The role a party word stands for (`采购人` → partyA), spaces ignored; null when not a party word. */
export function roleOfPartyWord(word: string): PartyRole | null {
  const w = word.replace(/\s+/g, '');
  return PARTY_WORDS.find((p) => p.word === w)?.role ?? null;
}

/**
 * Words an agreement uses for a party by its role in the agreement, resolved per document
 * (`resolve/parties.ts`): an NDA's discloser and recipient, a personal undertaking's promisor.
 */
export const AGREEMENT_ROLE_WORDS: readonly PartyWord[] = [
  { word: '披露方', role: 'partyA', example: '甲方（披露方）向乙方（接收方）提供的保密信息' },
  { word: '接收方', role: 'partyB', example: '接收方应在7日内返还全部资料' },
  { word: '接受方', role: 'partyB', example: '接受方不得向第三方披露' },
  { word: '承诺人', role: 'partyB', example: '承诺人离职后三年内仍负保密义务' },
  { word: '本人', role: 'partyB', example: '本人违反本承诺的，愿承担赔偿责任' },
];

/** Party words and agreement role words together as one alternation, longest first. */
export const ANY_PARTY_SOURCE = sourceOf([...PARTY_WORDS, ...AGREEMENT_ROLE_WORDS]);

/** 甲方 and 乙方 alone, as an alternation (`甲 方` spread as PDFs do). */
export const MAIN_PARTY_SOURCE = sourceOf(
  PARTY_WORDS.filter((w) => w.word === '甲方' || w.word === '乙方'),
);
/** The words for the purchaser (partyA) as an alternation. */
export const PARTY_A_SOURCE = sourceOf(PARTY_WORDS.filter((w) => w.role === 'partyA'));
/** The words for the supplier (partyB) as an alternation. */
export const PARTY_B_SOURCE = sourceOf(PARTY_WORDS.filter((w) => w.role === 'partyB'));
