/**
 * The analysis core on wording written by others (issue: "Read contracts written by others"):
 * one table per kind of failure measured on the real corpus, with sentences of our own in the
 * language of Chinese contracts — penalty wording, who pays, tenders, parties and amounts off the
 * common layout, blanks, and the lexicon as the one home of the party words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractPenaltyRules } from '../../shared/domain/penalties/extract';
import { analyzeDocument } from '../../shared/domain/analyze';
import { documentRoles, whoPays } from '../../shared/domain/resolve/parties';
import { ratePercent } from '../../shared/domain/recognize/rates';
import { findContractScope } from '../../shared/domain/scope/contract-part';
import { labelledFields } from '../../shared/domain/recognize/fields';
import { isBlankValue } from '../../shared/domain/recognize/blanks';
import { PARTY_WORDS } from '../../shared/domain/lexicon/parties';
import { CAPITAL_NUMERALS, NUMERALS } from '../../shared/domain/lexicon/numerals';
import { DURATION_WORDS, MONEY_WORDS, RATE_WORDS } from '../../shared/domain/lexicon/units';
import { readDuration, durationMinutes } from '../../shared/domain/recognize/durations';
import { categorize } from '../../shared/domain/clauses/categories';
import { penaltyRateLabel } from '../../shared/domain/labels';
import { annotateSentences } from '../../shared/domain/sentences/model';
import { penaltyRows } from '../support/penalties';

const rules = penaltyRows;
const analyze = (text: string) =>
  analyzeDocument({ format: 'txt', text, pageCount: null, boxes: null });

describe('rates in any form', () => {
  it.each([
    ['万分之五', '0.05'],
    ['千分之六', '0.6'],
    ['6‰', '0.6'],
    ['1 ‰', '0.1'],
    ['20 %', '20'],
    ['【30】%', '30'],
    ['百分之二十', '20'],
    ['百分之零点五', '0.5'],
    ['5倍', '500'],
    ['双倍', '200'],
  ])('%s → %s %%', (text, percent) => {
    expect(ratePercent(text)?.toString()).toBe(percent);
  });
});

describe('durations in any form', () => {
  it.each([
    ['十五', '日', 15, 'day', 21600],
    ['5', '个工作日', 5, 'workday', 7200],
    ['半', '小时', 0.5, 'hour', 30],
    ['两', '年', 2, 'year', null],
    ['壹', '年', 1, 'year', null],
    ['1.5', 'hrs', 1.5, 'hour', 90],
    ['三十', '分钟', 30, 'minute', 30],
    ['15', '秒钟', 15, 'second', 0.25],
  ])('%s%s → %s %s', (count, unit, value, kind, minutes) => {
    const d = readDuration(count, unit);
    expect(d).toEqual({ value, unit: kind });
    expect(durationMinutes(d!)).toBe(minutes);
  });

  it('refuses what is not a count or a unit', () => {
    expect(readDuration('若干', '日')).toBeNull();
    expect(readDuration('3', '次')).toBeNull();
  });
});

describe('penalty wording: bases other than the total, fixed sums, either side', () => {
  it.each([
    [
      '甲方逾期付款的，按逾期付款金额每日万分之五向乙方支付违约金。',
      [['partyA', 'late_payment', 'per_day', '0.05', null, 'overdue_amount']],
    ],
    [
      '乙方迟延交付的，按迟延部分货款的千分之六每日向甲方支付违约金。',
      [['partyB', 'late_delivery', 'per_day', '0.6', null, 'other']],
    ],
    [
      '乙方服务不达标的，甲方有权扣除当月服务费的10%作为违约金。',
      [['partyB', 'other', 'lump_sum', '10', null, 'other']],
    ],
    [
      '甲方未按期付款的，应按未付款项的 20 %向乙方支付违约金。',
      [['partyA', 'late_payment', 'lump_sum', '20', null, 'overdue_amount']],
    ],
    [
      '乙方未按约定补足的，每日应按照保证金总额万分之三向甲方支付违约金。',
      [['partyB', 'other', 'per_day', '0.03', null, 'other']],
    ],
    [
      '违约方应按合同金额的【30】%向守约方支付违约金。',
      [
        ['partyA', 'other', 'lump_sum', '30', null, 'contract_total'],
        ['partyB', 'other', 'lump_sum', '30', null, 'contract_total'],
      ],
    ],
    [
      '任何一方无故单方终止合同的，应向对方支付合同总额10%的违约金。',
      [
        ['partyA', 'unilateral_termination', 'lump_sum', '10', null, 'contract_total'],
        ['partyB', 'unilateral_termination', 'lump_sum', '10', null, 'contract_total'],
      ],
    ],
    [
      '乙方违反保密义务的，应向甲方赔偿100万元。',
      [['partyB', 'confidentiality_breach', 'lump_sum', null, '1000000.00', 'other']],
    ],
    [
      '甲方发现乙方未按规定使用清洁剂的，可根据情节轻重核减当月合同额的5%。',
      [['partyB', 'other', 'lump_sum', '5', null, 'other']],
    ],
    [
      '乙方按照涉事物品价值的3倍向甲方支付违约金。',
      [['partyB', 'other', 'lump_sum', '300', null, 'other']],
    ],
  ])('%s', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('the forfeiture of the performance bond is a rule of its own', () => {
    const [r] = extractPenaltyRules(
      annotateSentences('若乙方拒绝续签合同，其履约保证金不予退还。', []),
    );
    expect([r.payer, r.kind, r.percent, r.yuan, r.forfeitsBond]).toEqual([
      'partyB',
      'lump_sum',
      null,
      null,
      true,
    ]);
    expect(
      extractPenaltyRules(annotateSentences('乙方违约的，甲方有权没收履约保证金。', [])).map(
        (x) => x.payer,
      ),
    ).toEqual(['partyB']);
  });

  it('a floor, a retention and an exemption are not rules', () => {
    expect(
      rules('乙方应按合同金额的20%向甲方支付违约金，如违约金不足3万元的，按照3万元支付。'),
    ).toEqual([['partyB', 'other', 'lump_sum', '20', null, 'contract_total']]);
    expect(rules('甲方有权扣除合同总价的5%作为质量保证金，验收合格后退还。')).toEqual([]);
    expect(rules('因甲方原因造成设备损坏的，乙方不承担赔偿责任。')).toEqual([]);
  });

  it('so many months of fee, and interest at the LPR, are read as their own kind', () => {
    const [months] = extractPenaltyRules(
      annotateSentences('乙方擅自转包的，应向甲方支付相当于2个月服务费的违约金。', []),
    );
    expect([months.payer, months.trigger, months.feeMonths, months.percent]).toEqual([
      'partyB',
      'subcontracting',
      2,
      null,
    ]);
    const [lpr] = extractPenaltyRules(
      annotateSentences(
        '甲方未按约定支付服务费的，应按一年期贷款市场报价利率（LPR）向乙方支付拖欠款项的利息。',
        [],
      ),
    );
    expect([lpr.payer, lpr.trigger, lpr.base, lpr.rateBenchmark]).toEqual([
      'partyA',
      'late_payment',
      'overdue_amount',
      'LPR',
    ]);
  });

  it('a rate stated for breaches listed after it gives one rule per breach', () => {
    const text = [
      '十、乙方有下列情形之一的，甲方有权解除合同，并要求乙方支付合同总金额20%的违约金：',
      '（1）乙方泄露甲方数据的；',
      '（2）乙方擅自将服务分包给第三方的；',
      '（3）乙方违反本合同其他约定且逾期未改正的。',
    ].join('\n');
    expect(extractPenaltyRules(annotateSentences(text, [])).map((r) => r.trigger)).toEqual([
      'confidentiality_breach',
      'subcontracting',
      'other',
    ]);
  });
});

describe('more wording of others', () => {
  it('reads limits listed after their class, each with the metric word right after it', () => {
    const r = analyze('三、服务要求\n紧急故障：15分钟响应、1小时到场、4小时恢复；');
    expect(r.serviceLevels.map((x) => [x.metric, x.minutes, x.level])).toEqual([
      ['response', 15, '紧急故障'],
      ['onsite', 60, '紧急故障'],
      ['resolution', 240, '紧急故障'],
    ]);
  });

  it('reads a late-payment charge named after its per-day word (按日计收延迟付款滞纳金)', () => {
    expect(
      rules('甲方逾期支付服务费用的，应当按照未付服务费用的千分之一（1‰）按日计收延迟付款滞纳金。'),
    ).toEqual([['partyA', 'late_payment', 'per_day', '0.1', null, 'overdue_amount']]);
  });

  it('reads a duty to bear the loss caused to the other side as actual loss of either side', () => {
    expect(rules('违约方应承担因自己的违约行为而给守约方造成的损失。')).toEqual([
      ['partyA', 'other', 'actual_loss', null, null, 'other'],
      ['partyB', 'other', 'actual_loss', null, null, 'other'],
    ]);
  });

  it('reads the length named with its keyword, and an end from the effective date', () => {
    const a = analyze(
      '一、合同期限\n本项目采用一次招标三年有效，分年度签订合同，每份合同有效期一年。',
    );
    expect(a.contract.servicePeriod?.months).toBe(12);
    const b = analyze('一、服务期限\n服务期限：自合同签订生效之日起至2025年12月31日。');
    expect(b.contract.servicePeriod).toMatchObject({ start: null, end: '2025-12-31' });
  });

  it('a unit price or a blank total is not the total; a note after the colon is not the name', () => {
    const a = analyze(
      [
        '服务外包合同',
        '甲方：（用工单位）:某银行股份有限公司上海分行',
        '一、服务费用',
        '每人每月服务费为 __________元（即大写__________），其中税前基本工资的1,500元/人/月设置为考核费用。',
      ].join('\n'),
    );
    expect(a.contract.totalAmount).toBeNull();
    expect(a.contract.parties.map((p) => p.name)).toEqual(['某银行股份有限公司上海分行']);
  });

  it('reads a grade named right after its score (70分（含）及以上为合格)', () => {
    const a = analyze('七、考核\n本评价方案70分（含）及以上为合格。');
    expect(a.gradeBands.map((g) => [g.minScore, g.grade])).toEqual([['70', '合格']]);
  });

  it('keeps a clause whose number is written twice by mistake', () => {
    const a = analyze(
      [
        '四、违约责任',
        '违约方应赔偿守约方的损失。',
        '五、停止使用',
        '双方停止合作后，乙方应返还资料。',
        '五、法律适用和争议解决',
        '因本协议产生的争议，提交甲方所在地人民法院诉讼解决。',
      ].join('\n'),
    );
    expect(a.clauses.map((c) => [c.number, c.category])).toContainEqual([
      '五、',
      'dispute_resolution',
    ]);
  });
});

describe('refunds, ranges and sums counted each time', () => {
  it.each([
    [
      '乙方不得转包，否则甲方有权解除合同，并要求乙方退还甲方已支付的全部服务费。',
      [['partyB', 'subcontracting', 'lump_sum', '100', null, 'paid_amount']],
    ],
    [
      '如乙方提供虚假材料，甲方有权要求乙方退还截至解除之日甲方支付的全部款项。',
      [['partyB', 'fraud', 'lump_sum', '100', null, 'paid_amount']],
    ],
    [
      '乙方擅自撤换项目经理的，乙方按2万元/次向甲方支付违约金。',
      [['partyB', 'other', 'per_occurrence', null, '20000.00', 'other']],
    ],
  ])('%s', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it.each([
    [
      '因乙方原因导致系统停机超过4小时的，每次扣罚合同总价的1%。',
      [['partyB', 'service_interruption', 'per_occurrence', '1', null, 'contract_total']],
    ],
    [
      '乙方未按合同约定提供服务的，每发现一次扣除当月服务费的5%。',
      [['partyB', 'other', 'per_occurrence', '5', null, 'other']],
    ],
    [
      '甲方迟延付款的，应按照中国人民银行同期贷款利率向乙方支付利息。',
      [['partyA', 'late_payment', 'per_day', null, null, 'overdue_amount']],
    ],
  ])('%s', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('reads the bond kept by the other side, and a rate of the amount due', () => {
    const forfeits = (text: string) =>
      extractPenaltyRules(annotateSentences(text, [])).map((r) => [
        r.payer,
        r.trigger,
        r.forfeitsBond ?? false,
      ]);
    expect(forfeits('乙方违约的，甲方有权扣除乙方全部履约保证金。')).toEqual([
      ['partyB', 'other', true],
    ]);
    expect(forfeits('乙方擅自终止合同的，履约保证金归甲方所有。')).toEqual([
      ['partyB', 'unilateral_termination', true],
    ]);
    expect(forfeits('乙方应支付的违约金，甲方有权从履约保证金中扣除。')).toEqual([]);
    expect(rules('甲方逾期付款的，每逾期一天按应付款的0.5‰向乙方支付违约金。')).toEqual([
      ['partyA', 'late_payment', 'per_day', '0.05', null, 'overdue_amount'],
    ]);
  });

  it('a top-up on a penalty is an actual-loss rule of its payer too', () => {
    expect(
      rules(
        '乙方违约的，应按合同金额的10%向甲方支付违约金；违约金不足以弥补损失的，乙方还应赔偿差额部分。',
      ),
    ).toEqual([
      ['partyB', 'other', 'lump_sum', '10', null, 'contract_total'],
      ['partyB', 'other', 'actual_loss', null, null, 'other'],
    ]);
    expect(rules('违约金不足以赔偿甲方损失的，甲方有权要求乙方赔偿。')).toEqual([
      ['partyB', 'other', 'actual_loss', null, null, 'other'],
    ]);
  });

  it('reads a penalty whose amount is stated elsewhere as a rule with the rate null', () => {
    expect(
      rules(
        '由于乙方原因造成工期延误，乙方应支付逾期违约金。逾期违约金的计算方法在专用条款中约定。',
      ),
    ).toEqual([['partyB', 'late_delivery', null, null, null, 'other']]);
    expect(rules('甲方不按期支付的，按专用合同条款的约定支付逾期付款违约金。')).toEqual([
      ['partyA', 'late_payment', null, null, null, 'other'],
    ]);
  });

  it('a penalty whose amount follows, or a penalty paid to others, is not an unstated one', () => {
    const unstated = (text: string) =>
      extractPenaltyRules(annotateSentences(text, [])).filter(
        (r) => r.percent === null && r.yuan === null && r.kind !== 'actual_loss',
      );
    expect(unstated('乙方逾期交付的，应支付违约金。违约金按合同总价的0.1%每日计算。')).toEqual([]);
    expect(unstated('甲方因乙方违约向第三方支付的违约金和赔偿金，由乙方承担。')).toEqual([]);
    expect(unstated('因不可抗力不能履行合同的，双方均无须支付违约金。')).toEqual([]);
  });

  it('a refund of the unperformed part, of the bond or of an overpayment is not a penalty', () => {
    expect(rules('合同解除的，乙方应退还甲方已支付但未履行部分的费用。')).toEqual([]);
    expect(rules('验收合格后，甲方应退还乙方已缴纳的全部履约保证金。')).toEqual([]);
    expect(rules('乙方应在十日内退还甲方多付的款项。')).toEqual([]);
  });

  it('a deduction from the fee, named by no party, falls on the supplier; a range of rates is one rule', () => {
    const [r] = extractPenaltyRules(
      annotateSentences(
        '服务质量一般问题，每发生一起扣除该项目当月保洁费用的2%-3%（不少于5000元）。',
        [],
      ),
    );
    expect([r.payer, r.kind, r.percent, r.percentMin, r.base]).toEqual([
      'partyB',
      'per_occurrence',
      '3',
      '2',
      'other',
    ]);
    expect(penaltyRateLabel(r)).toBe('2%–3%/次');
  });

  it('a range of sums is one rule of the upper sum, with the lower one beside it', () => {
    const [r] = extractPenaltyRules(
      annotateSentences('乙方违反甲方管理制度的，甲方有权给予乙方1000元至10000元的违约处罚。', []),
    );
    expect([r.payer, r.kind, r.percent, r.yuan, r.yuanMin]).toEqual([
      'partyB',
      'lump_sum',
      null,
      '10000.00',
      '1000.00',
    ]);
    expect(penaltyRateLabel(r)).toBe('¥1,000.00–¥10,000.00');
  });
});

describe('one-sided penalties', () => {
  const asymmetric = (text: string) =>
    analyze(text)
      .findings.filter((f) => f.ruleId === 'penalty.asymmetric')
      .map((f) => f.message);

  it('says so when only one side owes agreed penalties and the other at most its loss', () => {
    expect(
      asymmetric(
        [
          '八、违约责任',
          '1.乙方违反保密义务的，应向甲方支付合同总金额30%的违约金。',
          '2.乙方擅自更换项目经理的，按5000元/次向甲方支付违约金。',
          '3.甲方违反本合同约定的，应赔偿乙方的直接经济损失。',
        ].join('\n'),
      ),
    ).toEqual(['仅乙方承担约定违约金（2 条，如合同总金额的 30%），甲方违约仅须赔偿实际损失']);
  });

  it('is silent when both sides owe agreed penalties', () => {
    expect(
      asymmetric(
        [
          '八、违约责任',
          '1.乙方违反保密义务的，应向甲方支付合同总金额30%的违约金。',
          '2.甲方违反保密义务的，应向乙方支付合同总金额30%的违约金。',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('duties listed under their party', () => {
  it('reads items of a list introduced by its party, without a modal verb of their own', () => {
    const a = analyze(
      [
        '六、双方的权利和义务',
        '（2）供应商在本项目中主要承担的工作包括：',
        '1项目上线完成后，及时向采购人提交项目验收申请报告。',
        '2负责已建系统两年的运行维护工作。',
      ].join('\n'),
    );
    expect(a.obligations.map((o) => [o.party, o.frequency, o.deadline])).toEqual([
      ['partyB', 'once', '项目上线完成后'],
      ['partyB', 'continuous', null],
    ]);
  });
});

describe('who pays, whichever way the sentence runs', () => {
  const roles = documentRoles('');
  it.each([
    ['因乙方过错致使甲方遭受损失的，甲方有权向乙方', '追偿', ['partyB']],
    ['每超出1天甲方有权扣除', '违约金', ['partyB']],
    ['甲方有权要求乙方支付', '的违约金', ['partyB']],
    ['如甲方发现乙方拖欠工资，甲方有权按照拖欠时长向乙方收取', '违约金', ['partyB']],
    ['甲方逾期付款的，应', '向乙方支付违约金', ['partyA']],
    ['乙方需在甲方扣除相应金额之日起5日内补足，逾期补足的，每日应按照', '向甲方支付', ['partyB']],
    ['任何一方违约的，违约方应向守约方支付', '违约金', ['partyA', 'partyB']],
    ['双方签署的协议约定，乙方应', '向甲方支付违约金', ['partyB']],
  ])('%s|%s → %j', (before, after, payers) => {
    expect(whoPays(before, after, roles)).toEqual(payers);
  });

  it('the actual loss is paid by the party in breach, not the one harmed', () => {
    expect(rules('因乙方过错致使甲方遭受损失的，甲方有权向乙方追偿。')).toEqual([
      ['partyB', 'other', 'actual_loss', null, null, 'other'],
    ]);
  });
});

const TENDER = [
  '某区政务云运维服务项目',
  '招标文件',
  '目录',
  '第一章 招标公告……………………1',
  '第二章 投标人须知……………………5',
  '第三章 拟签订的合同文本……………………20',
  '第四章 投标文件格式……………………30',
  '第一章 招标公告',
  '项目预算：人民币3,000,000.00元，最高限价2,900,000.00元。投标保证金：人民币30,000.00元。',
  '招标代理服务费：按成交金额的1.5%由中标人支付。',
  '报名时间：2026年3月1日至2026年3月7日。',
  '质疑期限：供应商应在知道其权益受到损害之日起7个工作日内提出质疑。',
  '第二章 投标人须知',
  '1.本招标文件包括：',
  '第一章 招标公告',
  '第二章 投标人须知',
  '第三章 拟签订的合同文本',
  '第四章 投标文件格式',
  '2.投标人应在开标后30分钟内完成解密。投标人须按招标文件要求编制投标文件，并在截止时间前提交。未按要求提交的，投标无效。',
  '3.付款方式：合同签订后支付合同金额的30%，验收后支付70%。',
  '第三章 拟签订的合同文本',
  '政务云运维服务合同',
  '甲方：某区大数据中心',
  '乙方：',
  '一、服务期限',
  '自2026年4月1日起至2027年3月31日止。',
  '二、合同金额',
  '合同总金额为人民币____元。',
  '三、付款方式',
  '1.合同签订后10个工作日内，甲方支付合同总金额的40%；',
  '2.验收合格后10个工作日内，甲方支付合同总金额的60%。',
  '四、服务要求',
  '乙方接到故障报告后30分钟内响应，4小时内到达现场。',
  '五、违约责任',
  '乙方逾期提供服务的，每逾期一日，按合同总金额的0.1%向甲方支付违约金。',
  '第四章 投标文件格式',
  '投标函',
  '致：某区大数据中心',
  '投标人名称：____',
  '投标总价：____元。我方承诺在接到通知后2小时内响应。',
].join('\n');

describe('the contract part of a tender', () => {
  it('is found from the chapter headings, tables of contents and chapter lists left out', () => {
    const scope = findContractScope(TENDER);
    expect(scope?.heading).toBe('第三章 拟签订的合同文本');
    expect(TENDER.slice(scope!.start, scope!.end)).toMatch(/^第三章 拟签订的合同文本\n政务云/);
    expect(TENDER.slice(scope!.end)).toMatch(/^第四章 投标文件格式\n投标函/);
    expect(scope!.parts.map((p) => p.kind)).toEqual([
      'tender_procedure',
      'tender_procedure',
      'tender_procedure',
      'contract',
      'bidder_forms',
    ]);
  });

  it('gives the contract facts from its contract chapter alone', () => {
    const a = analyze(TENDER);
    expect(a.scope).toMatchObject({ whole: false, heading: '第三章 拟签订的合同文本' });
    expect(a.contract.title).toBe('政务云运维服务合同');
    // Budget, ceiling, bid bond and agency fee are the tender's: the contract leaves its total blank.
    expect(a.contract.totalAmount).toBeNull();
    expect(a.contract.performanceBond).toBeNull();
    expect(a.contract.paymentInstallments.map((i) => i.percent)).toEqual(['40', '60']);
    // The registration window is not the service period; 质疑/解密 deadlines are not service levels.
    expect(a.contract.servicePeriod).toMatchObject({ start: '2026-04-01', end: '2027-03-31' });
    expect(a.serviceLevels.map((s) => [s.metric, s.minutes])).toEqual([
      ['response', 30],
      ['onsite', 240],
    ]);
    expect(a.penaltyRules.map((r) => [r.payer, r.kind, r.percent])).toEqual([
      ['partyB', 'per_day', '0.1'],
    ]);
    // The bidder forms' blanks are not the contract's; the contract's own are named.
    const blanks = a.findings.filter((f) => f.ruleId === 'field.blank').map((f) => f.quote);
    expect(blanks.some((q) => q.startsWith('乙方'))).toBe(true);
    expect(blanks.some((q) => q.includes('投标人名称'))).toBe(false);
    expect(a.findings.some((f) => f.ruleId === 'amount.installments-mismatch')).toBe(false);
    // Every clause is labelled with its part; none outside the chapter is the contract's.
    const parts = new Set(a.clauses.map((c) => c.part));
    expect(parts).toContain('tender_procedure');
    for (const c of a.clauses)
      expect(c.part === 'contract' || c.part === 'annex').toBe(
        c.start >= a.scope.start && c.start < a.scope.end,
      );
  });

  it.each([
    '拟签订的合同文本',
    '合同条款及格式',
    '合同主要条款',
    '政府采购合同格式',
    '采购合同（草案）',
    '服务合同（样本）',
    '合同书格式和合同条款',
  ])('takes a chapter titled %s as the contract', (title) => {
    const body = '本章内容用于说明有关事项，供应商应当仔细阅读。'.repeat(8);
    const text = [
      `第一章 招标公告`,
      body,
      '第二章 投标人须知',
      body,
      `第三章 ${title}`,
      body,
      '第四章 投标文件格式',
      body,
    ].join('\n');
    expect(findContractScope(text)?.heading).toBe(`第三章 ${title}`);
  });

  it('leaves a contract that merely has chapters whole', () => {
    const contract = [
      '运维服务合同',
      '第一章 总则',
      '甲乙双方根据《中华人民共和国民法典》订立本合同，乙方为甲方提供信息系统运维服务，服务期一年。',
      '第二章 合同价款与支付',
      '合同总金额为人民币100,000.00元，验收合格后一次性支付。甲方应在收到发票后10个工作日内支付。',
    ].join('\n');
    expect(findContractScope(contract)).toBeNull();
    expect(analyze(contract).scope.whole).toBe(true);
  });
});

describe('parties, amounts and blanks off the common layout', () => {
  it.each([
    ['本合同于二〇二五年三月十八日在北京签订。', '2025-03-18'],
    ['本协议于2025年3月18日由双方签署。', '2025-03-18'],
  ])('reads the signing date of %s', (sentence, iso) => {
    expect(analyze(`服务合同\n甲方：某局\n乙方：某公司\n${sentence}`).contract.signedOn).toBe(iso);
  });

  it('reads the bond of the last clause, its sum after its percent', () => {
    const r = analyze(
      '服务合同\n甲方：某局\n乙方：某公司\n六、履约保证金\n乙方应在合同签订前向甲方提交合同金额5%的履约保证金，即人民币10000元。',
    );
    expect(r.contract.performanceBond).toEqual({ percent: '5', yuan: '10000.00' });
  });

  it.each([
    ['定作人', '承揽人'],
    ['建设单位', '实施单位'],
    ['招标人', '承接方'],
  ])('reads the parties named %s and %s, and who pays', (a, b) => {
    const r = analyze(
      [
        '软件开发服务合同',
        `${a}：某区政务服务中心`,
        `${b}：某科技有限公司`,
        '一、违约责任',
        `${b}逾期交付的，每逾期一日，应按合同总价的0.1%向${a}支付违约金。`,
      ].join('\n'),
    );
    expect(r.contract.parties.map((p) => [p.role, p.name])).toEqual([
      ['partyA', '某区政务服务中心'],
      ['partyB', '某科技有限公司'],
    ]);
    expect(r.penaltyRules.map((x) => [x.payer, x.trigger, x.percent])).toEqual([
      ['partyB', 'late_delivery', '0.1'],
    ]);
  });

  it('reads a cover with role words in brackets and a 大写 amount with a stray space', () => {
    const a = analyze(
      [
        '技术开发（委托）合同',
        '委托人（甲方）：某市数据资源中心',
        '研究开发人（乙方）：{{供应商名称}}',
        '一、合同价款',
        '合同总金额为人民币300万元（大写：叁佰万元整）。',
      ].join('\n'),
    );
    expect(a.contract.parties.map((p) => [p.role, p.name])).toEqual([
      ['partyA', '某市数据资源中心'],
    ]);
    expect(a.contract.totalAmount?.yuan).toBe('3000000.00');
    const blanks = a.findings.filter((f) => f.ruleId === 'field.blank').map((f) => f.message);
    expect(blanks).toContain('栏目“研究开发人”未填写');
  });

  it.each([
    ['', true],
    ['____', true],
    ['【 】', true],
    ['（ ）', true],
    ['{{乙方名称}}', true],
    ['[合同中心-合同总价]', true],
    ['[合同中心-供应商法人姓名]（[合同中心-供应商法人性别]）', true],
    ['/', true],
    ['XX', true],
    ['年 月 日', true],
    ['某市大数据中心', false],
    ['2026年5月20日', false],
  ])('%j is blank: %s', (value, blank) => {
    expect(isBlankValue(value)).toBe(blank);
  });

  it('an underlined space left before a value is not a blank, and the value is the name', () => {
    const a = analyze(
      '运维服务合同\n甲方：____某市大数据管理局\n乙方：\n一、服务内容\n乙方提供运维服务。',
    );
    expect(a.contract.parties.map((p) => [p.role, p.name])).toEqual([
      ['partyA', '某市大数据管理局'],
    ]);
    expect(a.findings.filter((f) => f.ruleId === 'field.blank').map((f) => f.message)).toEqual([
      '栏目“乙方”未填写',
    ]);
  });

  it('finds labelled fields two to a line, spaced labels included', () => {
    const fields = labelledFields(
      '甲 方：某市档案馆\t乙 方：\n地址：[合同中心-采购单位所在地] 地址：',
    );
    expect(fields.map((f) => [f.label, f.value, f.blank])).toEqual([
      ['甲方', '某市档案馆', false],
      ['乙方', '', true],
      ['地址', '[合同中心-采购单位所在地]', true],
      ['地址', '', true],
    ]);
  });
});

describe('clause categories from headings written by others', () => {
  it.each([
    ['服务内容及价款', 'price'],
    ['违约责任', 'liability'],
    ['服务期限及违约责任', 'liability'],
    ['合同价款及支付', 'price'],
    ['法律适用和争议解决', 'dispute_resolution'],
    ['Confidentiality', 'confidentiality'],
    ['Governing Law', 'dispute_resolution'],
    ['Term and Termination', 'termination'],
  ])('%s → %s', (heading, category) => {
    expect(categorize(heading)).toBe(category);
  });
});

describe('the lexicon is the one home of the party words', () => {
  const DOMAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/domain');
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });

  it('no file outside lexicon/ spells out an alternation of party words', () => {
    const words = PARTY_WORDS.map((w) => w.word);
    // Two or more party words joined by | (e.g. `甲方|乙方|采购人`) is the alternation itself.
    const alternation = new RegExp(`(?:${words.join('|')})\\|(?:${words.join('|')})`);
    const offenders = files(DOMAIN)
      .filter((f) => !f.includes(`${path.sep}lexicon${path.sep}`))
      .filter((f) => alternation.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(DOMAIN, f));
    expect(offenders).toEqual([]);
  });

  /** Source without comments: docstrings quote numerals and units as examples. */
  const code = (f: string) =>
    fs
      .readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
  const outsideLexicon = () =>
    files(DOMAIN).filter((f) => !f.includes(`${path.sep}lexicon${path.sep}`));

  it('no file outside lexicon/ spells out the Chinese numerals', () => {
    // Three numerals in a row (`一二三`, `〇零一`, `壹贰叁`) is a character class written by hand.
    const spelled = /[零〇一二两三四五六七八九]{3,}|[壹贰叁肆伍陆柒捌玖]{3,}/;
    const offenders = outsideLexicon()
      .filter((f) => spelled.test(code(f)))
      .map((f) => path.relative(DOMAIN, f));
    expect(offenders).toEqual([]);
  });

  it('no file outside lexicon/ spells out an alternation of units of time', () => {
    const words = DURATION_WORDS.filter((w) => !w.english).map((w) => w.word);
    const unit = `(?:${words.join('|')})`;
    // Two unit words as whole alternatives (`(工作日|日|天)`, `(?:日|天)`); `按日|日计` is not.
    const alternation = new RegExp(`(?:^|[(|:])${unit}\\|${unit}(?=[|)])`, 'm');
    const offenders = outsideLexicon()
      .filter((f) => alternation.test(code(f)))
      .map((f) => path.relative(DOMAIN, f));
    expect(offenders).toEqual([]);
  });

  it('every numeral and unit carries an example that uses it', () => {
    for (const n of [...NUMERALS, ...CAPITAL_NUMERALS]) expect(n.example).toContain(n.char);
    for (const w of [...DURATION_WORDS, ...MONEY_WORDS, ...RATE_WORDS])
      expect(w.example).toContain(w.word);
  });

  it('no file in shared/domain is over 400 lines', () => {
    const long = files(DOMAIN)
      .map(
        (f) => [path.relative(DOMAIN, f), fs.readFileSync(f, 'utf8').split('\n').length] as const,
      )
      .filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it('every party word carries its role and an example', () => {
    for (const w of PARTY_WORDS) {
      expect(w.example).toContain(w.word);
      expect(['partyA', 'partyB']).toContain(w.role);
    }
  });
});
