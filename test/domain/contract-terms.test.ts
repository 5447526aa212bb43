/**
 * Contract terms on synthetic contracts worded differently from the seeds: labels such as
 * 采购人/供应商, amounts written before figures, periods as date ranges with 起…止, tax
 * splits stated only as a rate, and blank model contracts where nothing may be invented.
 */
import { describe, expect, it } from 'vitest';
import { parseClauses } from '../../shared/domain/clauses/parse';
import { extractContract, installmentCondition } from '../../shared/domain/terms/contract';
import { analyzeDocument } from '../../shared/domain/analyze';
import { annotateSentences } from '../../shared/domain/sentences/model';

function extract(lines: string[]) {
  const text = lines.join('\n') + '\n';
  return extractContract(
    annotateSentences(text, parseClauses({ format: 'txt', text, pageCount: null, boxes: null })),
  );
}

describe('extractContract', () => {
  const filled = extract([
    '合同编号：HT-2025-0117',
    '某市政务云运维服务采购合同',
    '采购人：某市大数据发展管理局',
    '法定代表人：李明',
    '地址：某市人民路1号',
    '联系电话：0871-1234567',
    '供应商：某某信息技术股份有限公司',
    '法定代表人：王强',
    '一、合同期限',
    '服务期限自2025年1月1日起至2025年12月31日止。',
    '二、合同价款',
    '合同总价为人民币壹佰贰拾万元整（¥1,200,000.00元），含6%增值税，税率为6%，不含税价款为人民币1132075.47元，税额为67924.53元。',
    '三、付款方式',
    '（一）合同生效后15个工作日内，采购人支付合同总价的30%，即人民币360000.00元；',
    '（二）验收合格后30日内，采购人支付合同总价的70%，即人民币840000.00元。',
    '四、履约保证金',
    '供应商应在合同签订前提交合同总价5%的履约保证金。',
    '签订日期：二〇二四年十二月二十日',
  ]);

  it('reads parties under 采购人/供应商 labels with their representatives and contact', () => {
    expect(filled.contract.parties).toEqual([
      {
        role: 'partyA',
        name: '某市大数据发展管理局',
        legalRepresentative: '李明',
        address: '某市人民路1号',
        phone: '0871-1234567',
      },
      {
        role: 'partyB',
        name: '某某信息技术股份有限公司',
        legalRepresentative: '王强',
        address: null,
        phone: null,
      },
    ]);
  });

  it('reads the amount written before its figures, and the tax split', () => {
    expect(filled.contract.totalAmount).toEqual({
      yuan: '1200000.00',
      writtenChinese: '壹佰贰拾万元整',
      taxRatePercent: '6',
      yuanExcludingTax: '1132075.47',
      taxYuan: '67924.53',
    });
  });

  it('reads a date-range period, the signing date in Chinese numerals, numbers and the bond', () => {
    expect(filled.contract.servicePeriod).toMatchObject({
      start: '2025-01-01',
      end: '2025-12-31',
      months: 12,
    });
    expect(filled.contract.signedOn).toBe('2024-12-20');
    expect(filled.contract.contractNumbers).toEqual(['HT-2025-0117']);
    expect(filled.contract.performanceBond).toEqual({ percent: '5', yuan: '60000.00' });
  });

  it('reads installments with percent, yuan and condition', () => {
    expect(
      filled.contract.paymentInstallments.map(({ sequence, percent, yuan, condition }) => ({
        sequence,
        percent,
        yuan,
        condition,
      })),
    ).toEqual([
      { sequence: 1, percent: '30', yuan: '360000.00', condition: '合同生效后15个工作日内' },
      { sequence: 2, percent: '70', yuan: '840000.00', condition: '验收合格后30日内' },
    ]);
  });

  it('computes the tax split from the rate when only the rate is stated', () => {
    const r = extract([
      '二、合同价款',
      '合同金额：人民币1,168,000.00元（大写：壹佰壹拾陆万捌仟元整），乙方开具税率为6%的增值税专用发票，价税合计。',
    ]);
    expect(r.contract.totalAmount).toMatchObject({
      yuan: '1168000.00',
      taxRatePercent: '6',
      yuanExcludingTax: '1101886.79',
      taxYuan: '66113.21',
    });
  });

  it('invents nothing in a blank model contract (示范文本)', () => {
    const blank = extract([
      '政府采购服务合同（示范文本）',
      '合同编号：',
      '甲方（采购人）：',
      '法定代表人：',
      '乙方（供应商）：',
      '一、合同金额',
      '合同金额为人民币（大写）：          元（¥        ）。',
      '二、服务期限',
      '服务期限：    年  月  日至    年  月  日。',
      '签订日期：    年  月  日',
    ]);
    expect(blank.contract).toMatchObject({
      contractNumbers: [],
      parties: [],
      signedOn: null,
      totalAmount: null,
      performanceBond: null,
      paymentInstallments: [],
    });
    expect(blank.contract.servicePeriod?.start ?? null).toBeNull();
  });
});

describe('installmentCondition', () => {
  it.each([
    [
      '第一期：合同签订生效后的30日内，甲方向乙方支付合同总金额的40%，即人民币150392元。',
      '合同签订生效后的30日内',
    ],
    [
      '维护服务费为人民币壹佰壹拾陆万捌仟元整（¥1168000元），该费用在2025年7月底前支付1109600元。',
      '2025年7月底前',
    ],
    [
      '资金支付条件及时间：\n甲方收到发票后十个工作日内向乙方支付合同金额的80%。',
      '甲方收到发票后十个工作日内',
    ],
    ['(1) 验收合格后，采购人应向供应商支付合同价款的30%，即人民币：\n¥30,000.00元；', '验收合格后'],
    ['甲方向乙方支付首付款人民币10000元。', ''],
  ])('%s', (sentence, expected) => expect(installmentCondition(sentence)).toBe(expected));
});

describe('a payment schedule laid out as a table (付款计划表)', () => {
  const schedule = (second: string) => {
    const text = [
      '信息化运维服务合同',
      '一、合同金额',
      '本合同总金额为人民币壹佰贰拾万元整（¥1,200,000.00）。',
      '二、付款方式',
      '甲方按下表分期向乙方支付合同款：',
      '期次\t付款条件\t付款比例\t付款金额（元）',
      '第一期\t合同签订后15个工作日内\t30%\t360,000.00',
      `第二期\t项目中期考核合格后15个工作日内\t40%\t${second}`,
      '第三期\t项目终验合格后15个工作日内\t30%\t360,000.00',
      '合计\t\t100%\t1,200,000.00',
      '三、服务期限',
      '服务期限为2026年1月1日至2026年12月31日。',
    ].join('\n');
    const doc = { format: 'txt' as const, text: text + '\n', pageCount: null, boxes: null };
    return analyzeDocument(doc);
  };

  it('reads one installment per row, the total row aside', () => {
    const a = schedule('480,000.00');
    expect(a.contract.paymentInstallments.map((i) => [i.percent, i.yuan, i.condition])).toEqual([
      ['30', '360000.00', '合同签订后15个工作日内'],
      ['40', '480000.00', '项目中期考核合格后15个工作日内'],
      ['30', '360000.00', '项目终验合格后15个工作日内'],
    ]);
    expect(a.findings.map((f) => f.ruleId)).not.toContain('amount.installments-mismatch');
  });

  it('flags a row whose amount is not its percent of the total', () => {
    const a = schedule('490,000.00');
    expect(a.findings.map((f) => f.ruleId)).toContain('amount.installments-mismatch');
  });
});

describe('service levels laid out as a table', () => {
  it('reads one limit per cell with its severity class, and the sentences around it', () => {
    const text = [
      '一、服务要求',
      '乙方应按下表时限响应和处理故障：',
      '故障级别\t响应时间\t到场时间\t解决时间',
      '一级（重大故障）\t15分钟\t1小时\t4小时',
      '二级（较大故障）\t30分钟\t2小时\t8小时',
      '三级（一般故障）\t2小时\t1个工作日\t3个工作日',
      '系统可用性不低于99.9%，数据备份RPO不超过24小时。',
    ].join('\n');
    const a = analyzeDocument({ format: 'txt', text: text + '\n', pageCount: null, boxes: null });
    expect(a.serviceLevels.map((s) => [s.level ?? null, s.metric, s.minutes ?? s.percent])).toEqual(
      [
        ['一级（重大故障）', 'response', 15],
        ['一级（重大故障）', 'onsite', 60],
        ['一级（重大故障）', 'resolution', 240],
        ['二级（较大故障）', 'response', 30],
        ['二级（较大故障）', 'onsite', 120],
        ['二级（较大故障）', 'resolution', 480],
        ['三级（一般故障）', 'response', 120],
        ['三级（一般故障）', 'onsite', 1440],
        ['三级（一般故障）', 'resolution', 4320],
        [null, 'availability', '99.9'],
        [null, 'rpo', 1440],
      ],
    );
    // Each limit is anchored on its own cell.
    const first = a.serviceLevels[0];
    expect(text.slice(first.span.start, first.span.end)).toBe('15分钟');
  });
});

describe('service period forms', () => {
  it.each([
    [
      '服务期限：2026年1月1日-2026年12月31日。',
      { start: '2026-01-01', end: '2026-12-31', months: 12 },
    ],
    ['服务期限：2026.1.1—2026.12.31。', { start: '2026-01-01', end: '2026-12-31', months: 12 }],
    // From signing (not stated here) to a fixed end: the end only.
    [
      '服务期限为合同签订之日起至2026年12月31日。',
      { start: null, end: '2026-12-31', months: null },
    ],
    // A length in capital numerals from a stated start.
    [
      '运维服务期限为壹年，自2026年3月1日开始。',
      { start: '2026-03-01', end: '2027-02-28', months: 12 },
    ],
    ['本合同服务期为12个月。', { start: null, end: null, months: 12 }],
  ])('%s', (sentence, expected) => {
    const a = analyzeDocument({
      format: 'txt',
      text: `一、服务期限\n${sentence}\n`,
      pageCount: null,
      boxes: null,
    });
    expect(a.contract.servicePeriod).toMatchObject(expected);
  });
});

describe('tax split forms (价税分离)', () => {
  const taxOf = (sentence: string) =>
    analyzeDocument({
      format: 'txt',
      text: `一、合同金额\n${sentence}\n`,
      pageCount: null,
      boxes: null,
    }).contract.totalAmount;

  it('a rate written as 含6%增值税 splits the total', () => {
    expect(taxOf('服务费总计：1,200,000元（含6%增值税）。')).toMatchObject({
      yuan: '1200000.00',
      taxRatePercent: '6',
      yuanExcludingTax: '1132075.47',
      taxYuan: '67924.53',
    });
  });

  it('two stated amounts give the rate when it is a VAT rate', () => {
    expect(
      taxOf(
        '本合同总金额为人民币壹佰贰拾万元整（¥1,200,000.00），其中不含税金额1,132,075.47元，增值税额67,924.53元。',
      ),
    ).toMatchObject({ taxRatePercent: '6', yuanExcludingTax: '1132075.47', taxYuan: '67924.53' });
  });

  it('an invoice for 80 % of the price is not a tax rate', () => {
    expect(
      taxOf(
        '合同总金额为¥1,160,000.00元。乙方向甲方提供合同金额80%的增值税普通发票，甲方支付合同金额的80%。',
      ),
    ).toMatchObject({ taxRatePercent: null, yuanExcludingTax: null, taxYuan: null });
  });
});

describe('party label forms', () => {
  it.each([
    ['采购人名称：某市大数据中心', '供应商名称：某某科技有限公司'],
    ['委托方（甲方）：某市大数据中心', '受托方（乙方）：某某科技有限公司'],
    ['甲 方：某市大数据中心', '乙 方：某某科技有限公司'],
    ['甲方(采购人): 某市大数据中心', '乙方(供应商): 某某科技有限公司'],
    ['采购单位：某市大数据中心', '服务单位：某某科技有限公司'],
    ['买方：某市大数据中心', '卖方：某某科技有限公司'],
  ])('%s / %s', (a, b) => {
    const text = `运维服务合同\n${a}\n${b}\n一、服务内容\n乙方提供运维服务。\n`;
    const r = analyzeDocument({ format: 'txt', text, pageCount: null, boxes: null });
    expect(r.contract.parties.map((p) => [p.role, p.name])).toEqual([
      ['partyA', '某市大数据中心'],
      ['partyB', '某某科技有限公司'],
    ]);
  });
});

describe('service-level phrasing beyond the seeds', () => {
  it.each([
    [
      '故障响应时间：30min内响应，2h内到场，8h内修复。',
      [
        [null, 'response', 30],
        [null, 'onsite', 120],
        [null, 'resolution', 480],
      ],
    ],
    ['乙方须在接到甲方通知后1个工作日内到达现场。', [[null, 'onsite', 1440]]],
    [
      '一般故障4小时内解决，重大故障2小时内解决。',
      [
        ['一般故障', 'resolution', 240],
        ['重大故障', 'resolution', 120],
      ],
    ],
    ['提供7×24小时服务，节假日安排专人值守。', []],
  ])('%s', (sentence, expected) => {
    const a = analyzeDocument({
      format: 'txt',
      text: `一、服务要求\n${sentence}\n`,
      pageCount: null,
      boxes: null,
    });
    expect(a.serviceLevels.map((s) => [s.level ?? null, s.metric, s.minutes])).toEqual(expected);
  });
});

describe('obligations from a service table (服务清单)', () => {
  it('reads one duty per row with its frequency and deliverable; sentences stay in their clause', () => {
    const text = [
      '一、服务内容',
      '乙方应按下表提供运维服务：',
      '序号\t服务内容\t服务频次\t交付成果',
      '1\t机房巡检\t每日\t《日常巡检记录》',
      '2\t数据备份检查\t每周\t《备份检查表》',
      '3\t运维报告\t每月\t《月度运维报告》',
      '4\t应急演练\t每季度\t《应急演练报告》',
      '二、其他',
      '乙方应于每年12月31日前提交年度总结报告。',
    ].join('\n');
    const a = analyzeDocument({ format: 'txt', text: text + '\n', pageCount: null, boxes: null });
    expect(a.obligations.map((o) => [o.party, o.frequency, o.action, o.deliverable])).toEqual([
      ['partyB', 'daily', '机房巡检（每日）', '《日常巡检记录》'],
      ['partyB', 'weekly', '数据备份检查（每周）', '《备份检查表》'],
      ['partyB', 'monthly', '运维报告（每月）', '《月度运维报告》'],
      ['partyB', 'quarterly', '应急演练（每季度）', '《应急演练报告》'],
      // Not the table's first deliverable: the sentence stands in its own clause.
      ['partyB', 'annual', '乙方应于每年12月31日前提交年度总结报告', null],
    ]);
    expect(text.slice(a.obligations[0].span.start, a.obligations[0].span.end)).toBe('机房巡检');
  });
});

describe('performance bond (履约保证金) and payments that mention it', () => {
  const bondOf = (body: string) =>
    analyzeDocument({
      format: 'txt',
      text: `一、合同金额\n合同总价为¥1,000,000.00元。\n${body}\n`,
      pageCount: null,
      boxes: null,
    }).contract.performanceBond;

  it.each([
    [
      '二、商务条款\n项目\t要求\n履约保证金\t合同金额的5%\n付款方式\t按月支付',
      { percent: '5', yuan: '50000.00' },
    ],
    [
      '二、履约担保\n乙方应在签约前提交合同金额5%的履约保证金。',
      { percent: '5', yuan: '50000.00' },
    ],
    // A payment made once the bond is in is not the bond.
    ['二、付款\n乙方提交履约保函后15个工作日内，甲方支付合同总价的30%。', null],
    ['二、付款\n第一期\t乙方提交履约保函后15个工作日内\t30%\t300,000.00', null],
  ])('%s', (body, expected) => {
    expect(bondOf(body)).toEqual(expected);
  });
});

describe('a payment table with amounts in 万元', () => {
  it('reads 36 as 360,000.00 yuan', () => {
    const text = [
      '一、合同金额',
      '本合同总金额为人民币壹佰贰拾万元整（¥1,200,000.00）。',
      '二、付款方式',
      '期次\t付款条件\t付款比例\t付款金额（万元）',
      '第一期\t合同签订后15个工作日内\t30%\t36',
      '第二期\t验收合格后15个工作日内\t70%\t84',
    ].join('\n');
    const a = analyzeDocument({ format: 'txt', text: text + '\n', pageCount: null, boxes: null });
    expect(a.contract.paymentInstallments.map((i) => [i.percent, i.yuan])).toEqual([
      ['30', '360000.00'],
      ['70', '840000.00'],
    ]);
    expect(a.findings.map((f) => f.ruleId)).not.toContain('amount.installments-mismatch');
  });
});

describe('contract and project number forms', () => {
  it.each([
    ['招标编号：ZB-2026-001', [], ['ZB-2026-001']],
    ['采购计划编号：CG2026-0099', [], ['CG2026-0099']],
    ['项目编号:【NMG-2026-001】', [], ['NMG-2026-001']],
    ['采购项目编号：[2026]0088', [], ['[2026]0088']],
    ['合同编号：京财采（2026）第015号', ['京财采（2026）第015号'], []],
    ['合同编号：SZ-2026-015号', ['SZ-2026-015'], []],
    ['合同编号：__________', [], []],
  ])('%s', (line, contractNumbers, projectNumbers) => {
    const a = analyzeDocument({
      format: 'txt',
      text: `运维服务合同\n${line}\n甲方：某市数据局\n`,
      pageCount: null,
      boxes: null,
    });
    expect([a.contract.contractNumbers, a.contract.projectNumbers]).toEqual([
      contractNumbers,
      projectNumbers,
    ]);
  });
});

describe('party particulars in other wordings', () => {
  it.each([
    [
      ['法定代表人（负责人）：张明', '住所地：某市人民路1号', '联系电话：0991-1234567'],
      '0991-1234567',
    ],
    [['负责人：张明', '通讯地址：某市人民路1号', '电话：13800138000'], '13800138000'],
    [
      ['法定代表人或授权代表：张明', '地址：某市人民路1号', '联系方式：0991-1234567'],
      '0991-1234567',
    ],
  ])('%s', (lines, phone) => {
    const text = [
      '运维服务合同',
      '甲方：某市数据局',
      ...lines,
      '乙方：某某科技有限公司',
      '一、服务内容',
      '乙方提供服务。',
    ].join('\n');
    const [a] = analyzeDocument({ format: 'txt', text: text + '\n', pageCount: null, boxes: null })
      .contract.parties;
    expect(a).toEqual({
      role: 'partyA',
      name: '某市数据局',
      legalRepresentative: '张明',
      address: '某市人民路1号',
      phone,
    });
  });

  it('a project manager (项目负责人) is not the legal representative', () => {
    const text =
      '运维服务合同\n乙方：某某科技有限公司\n项目负责人：王五\n一、服务内容\n乙方提供服务。\n';
    const [b] = analyzeDocument({ format: 'txt', text, pageCount: null, boxes: null }).contract
      .parties;
    expect(b.legalRepresentative).toBeNull();
  });

  it.each([
    ['考核费用：500元/人/月，甲方按照评价标准考评', null],
    ['服务费为300元每人每天', null],
    ['合同总金额为人民币100万元，分两期支付', '1000000.00'],
  ])('a unit price is not the total: %s', (sentence, yuan) => {
    // The price clause's last sentence ends in a line break without 。, as a clause often does.
    const { contract } = extract([
      '运维服务合同',
      '一、服务费用及支付方式',
      `1、本合同约定${sentence}：`,
    ]);
    expect(contract.totalAmount?.yuan ?? null).toBe(yuan);
  });
});
