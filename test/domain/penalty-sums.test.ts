/**
 * Penalties stated as fixed sums rather than a percent of a base — the common form in NDAs and
 * service-level clauses of contracts beyond the seeds (`支付违约金人民币伍拾万元整`,
 * `按每日500元支付违约金`, `每发生一次…1000元违约金`) — and the calculators that use them.
 */
import { describe, expect, it } from 'vitest';
import { extractPenaltyRules } from '../../shared/domain/penalties/extract';
import { findWrittenAmounts } from '../../shared/domain/recognize/money';
import { countedPenalty, perDayPenalty } from '../../shared/domain/calculators/penalty';
import { penaltyRateLabel } from '../../shared/domain/labels';
import { analyzeDocument } from '../../shared/domain/analyze';
import { annotateSentences } from '../../shared/domain/sentences/model';
import { penaltyRows } from '../support/penalties';

const rules = penaltyRows;

describe('fixed-sum penalties', () => {
  it.each([
    [
      '乙方违反本协议的，应向甲方支付违约金人民币伍拾万元整（¥500,000.00），违约金不足以弥补甲方损失的，乙方还应赔偿甲方全部损失。',
      [
        ['partyB', 'other', 'lump_sum', null, '500000.00', 'other'],
        // The top-up is an actual-loss rule of the same payer (REPORT.md "Actual loss").
        ['partyB', 'other', 'actual_loss', null, null, 'other'],
      ],
    ],
    [
      '乙方每延迟一日，应按每日500元向甲方支付违约金。',
      [['partyB', 'late_delivery', 'per_day', null, '500.00', 'other']],
    ],
    [
      '乙方人员未经批准擅自离岗的，每发生一次，乙方应支付1000元违约金。',
      [['partyB', 'other', 'per_occurrence', null, '1000.00', 'other']],
    ],
    [
      '乙方违约的，应支付违约金2万元；造成损失的，还应赔偿损失。',
      [['partyB', 'other', 'lump_sum', null, '20000.00', 'other']],
    ],
    // A percentage rule restated in money, a cap in money and the contract price are not rules.
    [
      '乙方应按合同总价的5%向甲方支付违约金，即人民币5万元。',
      [['partyB', 'other', 'lump_sum', '5', null, 'contract_total']],
    ],
    [
      '甲方逾期付款的，每逾期一日，按逾期金额的0.05%向乙方支付违约金，违约金累计不超过5000元。',
      [['partyA', 'late_payment', 'per_day', '0.05', null, 'overdue_amount']],
    ],
    ['合同总价为人民币100万元，乙方违约的，应支付违约金。', []],
  ])('%s', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('reads “万元” after figures as part of them, not as a 大写 amount of its own', () => {
    expect(findWrittenAmounts('应支付违约金2万元；')).toEqual([]);
    expect(findWrittenAmounts('违约金贰万元整').map((w) => w.yuan.toFixed(2))).toEqual([
      '20000.00',
    ]);
  });

  it('labels a fixed sum in yuan and a percentage in percent', () => {
    const [sum, pct] = extractPenaltyRules(
      annotateSentences(
        '乙方每延迟一日，应按每日1500元向甲方支付违约金。甲方逾期付款的，每逾期一日，按逾期金额的0.05%向乙方支付违约金。',
        [],
      ),
    );
    expect(penaltyRateLabel(sum)).toBe('¥1,500.00/日');
    expect(penaltyRateLabel(pct)).toBe('0.05%/日');
  });
});

describe('calculators with a fixed sum', () => {
  it('per day: 500.00 a day for 45 days, from day 1', () => {
    const r = perDayPenalty({
      baseYuan: '',
      baseLabel: '其他基数',
      percentPerDay: '',
      fixedYuan: '500.00',
      days: 45,
    });
    expect(r.totalYuan).toBe('22500.00');
    expect(r.steps[0].expression).toBe('500.00（约定每日金额）× 45 日');
  });

  it('per day with a termination lump sum that is a percent of the total', () => {
    const r = perDayPenalty({
      baseYuan: '1160000.00',
      baseLabel: '合同总金额',
      percentPerDay: '',
      fixedYuan: '500',
      days: 31,
      terminationAfterDays: 30,
      terminationWhen: 'exceeded',
      terminationPercent: '30',
      terminate: true,
    });
    expect(r.terminationApplies).toBe(true);
    expect(r.totalYuan).toBe('363500.00'); // 15,500.00 + 348,000.00
  });

  it('per occurrence and once; the higher of the sum and the loss', () => {
    expect(
      countedPenalty({
        baseYuan: '',
        baseLabel: '',
        percent: '',
        fixedYuan: '1000',
        occurrences: 3,
      }).totalYuan,
    ).toBe('3000.00');
    const once = countedPenalty({
      baseYuan: '',
      baseLabel: '',
      percent: '',
      fixedYuan: '500000.00',
      occurrences: 1,
      higherOfLoss: true,
      lossYuan: '612345.67',
    });
    expect(once.totalYuan).toBe('612345.67');
    expect(() =>
      countedPenalty({ baseYuan: '', baseLabel: '', percent: '', fixedYuan: '-1', occurrences: 1 }),
    ).toThrow(RangeError);
  });
});

describe('compensation of the actual loss (kind actual_loss)', () => {
  it.each([
    [
      '由此造成甲方损失的，由乙方按照损失情况承担赔偿责任。',
      [['partyB', 'other', 'actual_loss', null, null, 'other']],
    ],
    [
      '乙方泄露甲方保密信息的，乙方应赔偿甲方因此遭受的全部损失。',
      [['partyB', 'confidentiality_breach', 'actual_loss', null, null, 'other']],
    ],
    [
      '发生其他违约情形，违约方应赔偿由此给守约方造成的一切损失。',
      [
        ['partyA', 'other', 'actual_loss', null, null, 'other'],
        ['partyB', 'other', 'actual_loss', null, null, 'other'],
      ],
    ],
    [
      '甲方逾期付款的，乙方有权解除合同，并要求甲方赔偿由此造成的经济损失。',
      [['partyA', 'late_payment', 'actual_loss', null, null, 'other']],
    ],
    // A top-up of a penalty, and compensation besides it, are actual-loss rules of its payer too
    // (REPORT.md "Actual loss"); the penalty's own verb (`按…10%赔偿`) is not a second rule.
    [
      '违约金不足以弥补甲方损失的，乙方还应赔偿不足部分。',
      [['partyB', 'other', 'actual_loss', null, null, 'other']],
    ],
    [
      '乙方应按合同总价的10%支付违约金，并赔偿甲方损失。',
      [
        ['partyB', 'other', 'lump_sum', '10', null, 'contract_total'],
        ['partyB', 'other', 'actual_loss', null, null, 'other'],
      ],
    ],
    [
      '乙方逾期交付的，应按合同总价的10%赔偿甲方损失。',
      [['partyB', 'late_delivery', null, '10', null, 'contract_total']],
    ],
  ])('%s', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('is neither a blank rate nor a liquidated penalty in the findings', () => {
    const text =
      '乙方逾期提供服务的，每延期一日，乙方应按合同总价的0.5%向甲方支付违约金。\n甲方逾期付款的，应赔偿乙方因此遭受的损失。\n';
    const doc = { format: 'txt' as const, text, pageCount: null, boxes: null };
    const a = analyzeDocument(doc);
    expect(a.penaltyRules.map((r) => [r.payer, r.trigger, r.kind])).toEqual([
      ['partyB', 'late_delivery', 'per_day'],
      ['partyA', 'late_payment', 'actual_loss'],
    ]);
    expect(a.findings.map((f) => f.ruleId)).not.toContain('field.blank');
    const asym = a.findings.find((f) => f.ruleId === 'penalty.asymmetric')!;
    expect(asym.message).toContain('甲方逾期付款却仅须赔偿实际损失，无约定违约金');
    expect(penaltyRateLabel(a.penaltyRules[1])).toBe('赔偿实际损失');
  });
});

describe('blank rates', () => {
  it.each([
    '乙方每逾期一日，应按合同金额的____%向甲方支付违约金。',
    '乙方每逾期一日，应按合同金额的【 】向甲方支付违约金。',
    // A DOCX blank of underlined spaces reads as a bare percent sign.
    '乙方每逾期一日，应按合同金额的%向甲方支付违约金。',
  ])('%s', (text) => {
    expect(rules(text)).toEqual([
      ['partyB', 'late_delivery', 'per_day', null, null, 'contract_total'],
    ]);
  });
});

describe('NDA roles: 披露方 and 接收方 / 接受方', () => {
  const rulesOf = (text: string) =>
    extractPenaltyRules(annotateSentences(text, [])).map((r) => [r.payer, r.kind, r.yuan]);

  it('stand for the party they are tied to', () => {
    expect(
      rulesOf(
        '甲方（接收方）：某某信息技术有限公司\n乙方（披露方）：某市财政局\n接收方违反本协议的，应向披露方支付违约金人民币10万元。',
      ),
    ).toEqual([['partyA', 'lump_sum', '100000.00']]);
  });

  it('stand for either party in a mutual NDA', () => {
    expect(
      rulesOf(
        '本协议中的任何一方都可能是披露方。\n接受方违反本协议的，应赔偿披露方因此遭受的全部损失。',
      ),
    ).toEqual([
      ['partyA', 'actual_loss', null],
      ['partyB', 'actual_loss', null],
    ]);
  });

  it('default to the supplier receiving the purchaser’s information', () => {
    expect(rulesOf('接收方泄露保密信息的，应向披露方支付违约金5万元。')).toEqual([
      ['partyB', 'lump_sum', '50000.00'],
    ]);
  });
});

describe('rates per mille and in words', () => {
  it.each([
    [
      '乙方逾期交付的，每逾期一天，按合同总价的千分之五向甲方支付违约金。',
      'partyB',
      'late_delivery',
      '0.5',
      'contract_total',
    ],
    [
      '甲方逾期付款的，按逾期金额每日万分之五向乙方支付违约金。',
      'partyA',
      'late_payment',
      '0.05',
      'overdue_amount',
    ],
    [
      '乙方每延期一日，按合同总价的5‰向甲方支付违约金。',
      'partyB',
      'late_delivery',
      '0.5',
      'contract_total',
    ],
  ])('%s', (text, payer, trigger, percent, base) => {
    expect(rules(text)).toEqual([[payer, trigger, 'per_day', percent, null, base]]);
  });

  it('a cap in words', () => {
    const [r] = extractPenaltyRules(
      annotateSentences(
        '乙方每逾期一日，按合同总价的千分之五支付违约金，违约金累计不超过合同总价的百分之十。',
        [],
      ),
    );
    expect([r.percent, r.capPercent]).toEqual(['0.5', '10']);
  });

  it.each([
    [
      '乙方迟延交付的，违约金按迟延交付部分价款的千分之三每日计算。',
      ['partyB', 'late_delivery', 'per_day', '0.3', null, 'other'],
    ],
    [
      '乙方应向甲方支付合同总价款百分之五的违约金。',
      ['partyB', 'other', 'lump_sum', '5', null, 'contract_total'],
    ],
    // The breaching party pays, though the other one deducts it.
    [
      '如乙方违约，甲方有权从履约保证金中扣除合同金额5%的违约金。',
      ['partyB', 'other', 'lump_sum', '5', null, 'contract_total'],
    ],
  ])('%s', (text, expected) => {
    expect(rules(text)).toEqual([expected]);
  });

  it('百分之十 once', () => {
    expect(rules('乙方违约的，应按合同总金额的百分之十向甲方支付违约金。')).toEqual([
      ['partyB', 'other', 'lump_sum', '10', null, 'contract_total'],
    ]);
  });

  it('installments of 百分之三十 and 百分之七十', () => {
    const text =
      '一、合同金额\n合同总价为人民币壹佰万元整（¥1,000,000.00）。\n二、付款方式\n合同签订后10个工作日内，甲方支付合同总价款的百分之三十；验收合格后10个工作日内，甲方支付合同总价款的百分之七十。\n';
    const a = analyzeDocument({ format: 'txt', text, pageCount: null, boxes: null });
    expect(a.contract.paymentInstallments.map((i) => [i.percent, i.yuan])).toEqual([
      ['30', '300000.00'],
      ['70', '700000.00'],
    ]);
  });
});
