/**
 * Clause categories (REPORT.md `clauses[].category`) from the words Chinese contracts use in
 * clause headings. Rules are ordered: the first whose pattern matches the heading wins, so the
 * more specific topic (保密期限 → confidentiality) comes before the general one (期限 → term).
 */
import { ENGLISH_CATEGORIES } from '../lexicon/english';

/** The REPORT.md vocabulary of clause categories. */
export const CLAUSE_CATEGORIES = [
  'parties',
  'scope',
  'term',
  'price',
  'payment',
  'performance_bond',
  'acceptance',
  'liability',
  'confidentiality',
  'intellectual_property',
  'data_security',
  'personnel',
  'sla',
  'kpi',
  'force_majeure',
  'termination',
  'dispute_resolution',
  'notice',
  'effectiveness',
  'annex',
  'other',
] as const;

/** One clause category of REPORT.md. */
export type ClauseCategory = (typeof CLAUSE_CATEGORIES)[number];

/** Chinese names of the categories, for the UI. */
export const CATEGORY_LABELS: Record<ClauseCategory, string> = {
  parties: '当事人',
  scope: '服务内容',
  term: '服务期限',
  price: '合同金额',
  payment: '支付',
  performance_bond: '履约保证金',
  acceptance: '验收',
  liability: '违约责任',
  confidentiality: '保密',
  intellectual_property: '知识产权',
  data_security: '数据安全与移交',
  personnel: '人员',
  sla: '服务标准与响应时效',
  kpi: '绩效考核',
  force_majeure: '不可抗力',
  termination: '解除与终止',
  dispute_resolution: '争议解决',
  notice: '通知与送达',
  effectiveness: '生效与份数',
  annex: '附件',
  other: '其他',
};

const RULES: [ClauseCategory, RegExp][] = [
  ['performance_bond', /履约保证金|履约保函|履约担保/],
  ['other', /投标保证金|投标有效期|投标人须知|招标公告/],
  ['force_majeure', /不可抗力/],
  ['dispute_resolution', /争议|纠纷|仲裁|诉讼|法律适用/],
  ['confidentiality', /保密|秘密|泄密/],
  ['intellectual_property', /知识产权|著作权|专利|成果归属|成果的归属/],
  [
    'data_security',
    /数据安全|数据移交|资料移交|数据保护|数据使用|数据处理|网络安全|信息安全|数据运维/,
  ],
  ['liability', /违约|赔偿|罚则|罚款|责任追究/],
  ['kpi', /绩效|考核|评分|评价|评估/],
  ['acceptance', /验收/],
  ['termination', /解除|终止|提前结束/],
  ['notice', /通知|送达|联系人|联络/],
  ['performance_bond', /保证金/],
  ['price', /合同金额|合同价|价款|总价|服务费用|运维服务费用|费用|报价|金额/],
  ['payment', /支付|付款|结算|发票|开票|收款|分期|第.期|尾款|首付|预付/],
  ['term', /服务期限|服务期|服务周期|合同期限|维护期|履行期限|有效期|交付时间|期限/],
  ['personnel', /人员|团队|项目组|小组|驻场|项目经理|负责人/],
  [
    'sla',
    /响应|服务标准|服务等级|服务水平|时效|服务承诺|技术支持|故障处理|服务要求|技术标准|质量|售后服务|保修|质保/,
  ],
  [
    'scope',
    /合同标的|标的物|服务内容|服务范围|服务项目|工作内容|服务清单|项目内容|运维内容|合同范围|委托事项|服务方式|分项|清单|服务成果|合同文件/,
  ],
  ['effectiveness', /生效|份数|合同份数|文本|合同保存|未尽事宜|其他|附则|变更/],
  ['parties', /当事人|签署|签章|双方信息|甲方信息|乙方信息/],
  ['annex', /附件|附表/],
];

/**
 * The category of a clause from its heading (or, for a clause without one, the first words of
 * its text). Returns null when no rule matches, so the caller can inherit the parent's.
 */
export function categorize(headingOrLead: string): ClauseCategory | null {
  const t = headingOrLead.replace(/\s+/g, '');
  if (!t) return null;
  for (const [category, re] of RULES) if (re.test(t)) return category;
  // English headings (`Governing Law`, `Term and Termination`).
  if (/^[\x00-\x7f]+$/.test(t))
    for (const [category, re] of ENGLISH_CATEGORIES) if (re.test(t)) return category;
  return null;
}
