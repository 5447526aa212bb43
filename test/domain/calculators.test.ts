/**
 * Calculators (issue 4): table-driven cases computed by hand from the seeds, with the
 * boundaries (day 0, the day before and the day of a termination threshold, a cap reached,
 * scores of exactly 90 / 89.5 / 60), exact to the fen; 大写 ↔ figures round trips.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { countedPenalty, perDayPenalty } from '../../shared/domain/calculators/penalty';
import {
  dueDateOf,
  fromWritten,
  paymentSchedule,
  taxSplit,
  toWritten,
} from '../../shared/domain/calculators/payments';
import {
  parseRubric,
  refundByGrade,
  scoreRubric,
  tailFromScore,
} from '../../shared/domain/calculators/kpi';
import { addWorkingDays, isWorkingDay } from '../../shared/domain/calendar/holidays';
import { dailyFee } from '../../shared/domain/calculators/daily-fee';

const late004 = {
  baseYuan: '1160000.00',
  baseLabel: '合同总金额',
  percentPerDay: '1',
  terminationAfterDays: 30,
  terminationWhen: 'exceeded' as const,
  terminationPercent: '30',
  // The reviewer ticked 解除合同: the lump sum counts once the threshold is passed.
  terminate: true,
};

describe('per-day penalties', () => {
  it.each([
    // seed 004 late delivery: 1 %/day of 1,160,000; past day 30 termination + 30 %
    [{ ...late004, days: 0 }, '0.00', false],
    [{ ...late004, days: 1 }, '11600.00', false],
    [{ ...late004, days: 29 }, '336400.00', false],
    [{ ...late004, days: 30 }, '348000.00', false],
    [{ ...late004, days: 31 }, '707600.00', true], // 359,600 + 348,000
    [{ ...late004, days: 45 }, '870000.00', true], // 522,000 + 348,000
    // seed 003 late payment: 0.1 %/day of 6,980,000; past day 15 termination + 5 %
    [
      {
        baseYuan: '6980000.00',
        baseLabel: '合同总价款',
        percentPerDay: '0.1',
        days: 15,
        terminationAfterDays: 15,
        terminationWhen: 'exceeded' as const,
        terminationPercent: '5',
        terminate: true,
      },
      '104700.00',
      false,
    ],
    [
      {
        baseYuan: '6980000.00',
        baseLabel: '合同总价款',
        percentPerDay: '0.1',
        days: 16,
        terminationAfterDays: 15,
        terminationWhen: 'exceeded' as const,
        terminationPercent: '5',
        terminate: true,
      },
      '460680.00',
      true,
    ],
    // seed 000 late payment: reaching 30 days suffices (延期达到30日)
    [
      {
        baseYuan: '140000.00',
        baseLabel: '逾期金额',
        percentPerDay: '0.1',
        days: 30,
        terminationAfterDays: 30,
        terminationWhen: 'reached' as const,
      },
      '4200.00',
      true,
    ],
    [
      {
        baseYuan: '140000.00',
        baseLabel: '逾期金额',
        percentPerDay: '0.1',
        days: 29,
        terminationAfterDays: 30,
        terminationWhen: 'reached' as const,
      },
      '4060.00',
      false,
    ],
    // seed 003 service interruption from day 5 on a sub-item budget of 80,000 (1 % per day as a what-if)
    [
      {
        baseYuan: '80000.00',
        baseLabel: '子项目预算',
        percentPerDay: '1',
        days: 4,
        startsAfterDays: 4,
      },
      '0.00',
      false,
    ],
    [
      {
        baseYuan: '80000.00',
        baseLabel: '子项目预算',
        percentPerDay: '1',
        days: 7,
        startsAfterDays: 4,
      },
      '2400.00',
      false,
    ],
    // a cap reached: 0.05 %/day capped at 5 %
    [
      {
        baseYuan: '100000.00',
        baseLabel: '合同总价',
        percentPerDay: '0.05',
        days: 200,
        capPercent: '5',
      },
      '5000.00',
      false,
    ],
    [
      {
        baseYuan: '100000.00',
        baseLabel: '合同总价',
        percentPerDay: '0.05',
        days: 99,
        capPercent: '5',
      },
      '4950.00',
      false,
    ],
    // rounding half up at the end only: 333.33 × 0.15 % × 7 = 3.4999965 → 3.50
    [{ baseYuan: '333.33', baseLabel: '逾期金额', percentPerDay: '0.15', days: 7 }, '3.50', false],
  ])('%o → %s', (input, total, termination) => {
    const r = perDayPenalty(input);
    expect(r.totalYuan).toBe(total);
    expect(r.terminationApplies).toBe(termination);
  });

  it('shows its working: 1,160,000 × 1% × 45 = 522,000.00, then 348,000.00 on termination', () => {
    const r = perDayPenalty({ ...late004, days: 45 });
    expect(r.steps.map((s) => [s.expression, s.value])).toEqual([
      ['1,160,000.00（合同总金额）× 1% × 45 日', '522000.00'],
      ['1,160,000.00 × 30%', '348000.00'],
      ['522000.00 + 348000.00', '870000.00'],
    ]);
  });

  it('adds the termination lump sum only when termination is chosen, and says so', () => {
    const kept = perDayPenalty({ ...late004, days: 45, terminate: false });
    expect(kept.totalYuan).toBe('522000.00');
    expect(kept.terminationApplies).toBe(true);
    expect(kept.notes).toEqual([
      '逾期超过 30 日：守约方有权解除合同',
      '未选择解除合同：解除违约金未计入',
    ]);
    const early = perDayPenalty({ ...late004, days: 20 });
    expect(early.totalYuan).toBe('232000.00');
    expect(early.notes).toEqual(['未达解除条件（逾期须超过 30 日）：解除违约金未计入']);
  });

  it('without a loss, prompts once the total reaches 30 % of the contract total', () => {
    // 1,160,000 × 1 % × 29 = 336,400 = 29.0 % of the total: no prompt; day 30: 30.0 %.
    const below = perDayPenalty({ ...late004, days: 29, contractTotalYuan: '1160000.00' });
    expect(below.courtFlag).toBeNull();
    const at = perDayPenalty({ ...late004, days: 30, contractTotalYuan: '1160000.00' });
    expect(at.courtFlag).toMatchObject({ sharePercent: '30', lossYuan: null });
    expect(at.notes.at(-1)).toContain('合同总金额的 30%');
  });

  it('words its refusals in the language asked, without NaN', () => {
    expect(() => perDayPenalty({ ...late004, days: '' })).toThrow('天数须为 0 或正整数');
    expect(() => perDayPenalty({ ...late004, days: 'abc' })).toThrow('天数须为 0 或正整数');
    expect(() => perDayPenalty({ ...late004, baseYuan: 'x', days: 3 })).toThrow('基数不是有效数字');
    for (const bad of ['', 'abc', '-1', '1.5'])
      try {
        perDayPenalty({ ...late004, days: bad });
      } catch (err) {
        expect((err as Error).message).not.toMatch(/NaN|[A-Za-z]/);
      }
    // Thousands separators as reviewers type them are accepted.
    expect(perDayPenalty({ ...late004, baseYuan: '1,160,000', days: 1 }).totalYuan).toBe(
      '11600.00',
    );
  });

  it('flags a penalty more than 30 % above the entered loss, citing the source', () => {
    const r = perDayPenalty({ ...late004, days: 10, lossYuan: '80000' });
    expect(r.courtFlag).toMatchObject({ lossYuan: '80000.00', excessPercent: '45' });
    expect(r.courtFlag!.source).toContain('第585条');
    expect(perDayPenalty({ ...late004, days: 10, lossYuan: '90000' }).courtFlag).toBeNull(); // 116,000 ≤ 117,000
  });

  it('refuses negative or non-numeric inputs', () => {
    expect(() => perDayPenalty({ ...late004, days: -1 })).toThrow(RangeError);
    expect(() => perDayPenalty({ ...late004, baseYuan: 'abc', days: 1 })).toThrow(RangeError);
  });
});

describe('lump-sum and per-occurrence penalties', () => {
  it.each([
    // seed 001: 5 % of 375,980 per delayed item; the third gives a right to terminate
    [
      {
        baseYuan: '375980.00',
        baseLabel: '合同总项目款项',
        percent: '5',
        occurrences: 2,
        terminationAfterOccurrences: 3,
      },
      '37598.00',
      false,
    ],
    [
      {
        baseYuan: '375980.00',
        baseLabel: '合同总项目款项',
        percent: '5',
        occurrences: 3,
        terminationAfterOccurrences: 3,
      },
      '56397.00',
      true,
    ],
    // seed 004 NDA: 30 % of 1,160,000 or the loss, whichever higher
    [
      {
        baseYuan: '1160000.00',
        baseLabel: '合同金额',
        percent: '30',
        occurrences: 1,
        higherOfLoss: true,
        lossYuan: '300000',
      },
      '348000.00',
      false,
    ],
    [
      {
        baseYuan: '1160000.00',
        baseLabel: '合同金额',
        percent: '30',
        occurrences: 1,
        higherOfLoss: true,
        lossYuan: '500000.5',
      },
      '500000.50',
      false,
    ],
  ])('%o → %s', (input, total, termination) => {
    const r = countedPenalty(input);
    expect(r.totalYuan).toBe(total);
    expect(r.terminationApplies).toBe(termination);
  });

  it('estimates the daily fee from the total and the service period (seed 002: 3,200.00)', () => {
    const contract = {
      totalAmount: { yuan: '1168000.00' },
      servicePeriod: { start: null, end: '2025-12-31', months: 12, text: '' },
    } as unknown as Parameters<typeof dailyFee>[0];
    expect(dailyFee(contract)).toMatchObject({ yuan: '3200.00' });
  });

  it('seed 002: 200 % of the daily fee for each day of a refused transition', () => {
    // daily fee = 1,168,000 / 365 = 3,200.00; 10 days → 3,200 × 200% × 10 = 64,000.00
    expect(
      perDayPenalty({
        baseYuan: '3200.00',
        baseLabel: '日均服务费',
        percentPerDay: '200',
        days: 10,
      }).totalYuan,
    ).toBe('64000.00');
  });
});

describe('tail payment from a score (seed 000)', () => {
  const bands = [
    { minScore: '90', percentOfTotal: '10' },
    { minScore: '80', percentOfTotal: '9' },
    { minScore: '70', percentOfTotal: '8' },
    { minScore: '60', percentOfTotal: '7' },
    { minScore: '0', percentOfTotal: '2' },
  ];
  it.each([
    ['100', '28000.00'],
    ['90', '28000.00'],
    ['89.5', '25200.00'],
    ['80', '25200.00'],
    ['60', '19600.00'],
    ['59.9', '5600.00'],
    ['0', '5600.00'],
  ])('score %s → %s', (score, yuan) =>
    expect(tailFromScore(score, bands, '280000.00').yuan).toBe(yuan),
  );
  it('refuses a score outside 0–100', () =>
    expect(() => tailFromScore('101', bands, '280000')).toThrow(RangeError));
});

describe('KPI rubric (seed 004)', () => {
  const table = [
    '考核分类\t考核事项\t考核内容\t考核标准\t考核说明',
    '日常管理\t人员管理\t驻场人员出勤管理\t迟到早退每次扣 0.5 分\t',
    '\t\t较大故障\t每次扣 20~30 分\t由于运维人员失误',
    '特殊时段保障\t重大故障\t每次扣 40-50 分\t由于运维人员失误',
    '巡检情况\t发现隐患\t发现隐患并及时汇报处理并解决，加 1 分\t',
  ].join('\n');
  const grades = [
    { minScore: '95', grade: '优秀' },
    { minScore: '80', grade: '良好' },
    { minScore: '70', grade: '合格' },
    { minScore: '60', grade: '基本合格' },
    { minScore: '0', grade: '不合格' },
  ];
  const refunds = refundByGrade('根据考核等级退回尾款的 20%、40%、60%。', grades);
  const items = parseRubric(table);

  it('reads items and the refund shares by grade', () => {
    expect(items.map((i) => [i.name, i.deduct, i.add])).toEqual([
      ['驻场人员出勤管理', '0.5', null],
      ['较大故障', '20', null],
      ['重大故障', '40', null],
      ['发现隐患', null, '1'],
    ]);
    expect(refunds).toEqual({ 合格: '20', 基本合格: '40', 不合格: '60' });
  });

  it.each([
    [[], '100', '优秀', '0', '0.00'],
    [[{ itemId: 'k2', times: 1, kind: 'deduct' as const }], '80', '良好', '0', '0.00'],
    [
      [
        { itemId: 'k2', times: 1, kind: 'deduct' as const },
        { itemId: 'k1', times: 1, kind: 'deduct' as const },
      ],
      '79.5',
      '合格',
      '20',
      '46400.00',
    ],
    [[{ itemId: 'k3', times: 1, kind: 'deduct' as const }], '60', '基本合格', '40', '92800.00'],
    [
      [
        { itemId: 'k3', times: 1, kind: 'deduct' as const },
        { itemId: 'k1', times: 1, kind: 'deduct' as const },
      ],
      '59.5',
      '不合格',
      '60',
      '139200.00',
    ],
    [[{ itemId: 'k4', times: 3, kind: 'add' as const }], '100', '优秀', '0', '0.00'],
  ])('%o → %s %s', (adjustments, score, grade, pct, yuan) => {
    const r = scoreRubric(items, adjustments, grades, refunds, '232000.00');
    expect([r.score, r.grade, r.refundPercent, r.refundYuan]).toEqual([score, grade, pct, yuan]);
  });
});

describe('payment schedule and working days', () => {
  it('counts working days on the PRC calendar', () => {
    expect(isWorkingDay('2025-10-08')).toBe(false); // National Day holiday
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday made a working day
    expect(isWorkingDay('2025-10-12')).toBe(false); // Sunday
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2024-06-07', 1)).toBe('2024-06-11'); // Dragon Boat Festival 06-10
  });

  it('counts 2026 on the notice of 4 November 2025 (国务院办公厅关于2026年部分节假日安排的通知)', () => {
    expect(isWorkingDay('2026-02-23')).toBe(false); // last day of the Spring Festival holiday
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday made a working day
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    // From Thursday 2026-09-24: Mid-Autumn 09-25…27 off; 09-28, 09-29, 09-30 (3); National Day
    // 10-01…07 off; 10-08, 10-09, 10-10 (Saturday, working) (6); 10-12, 10-13, 10-14, 10-15 (10).
    expect(addWorkingDays('2026-09-24', 10)).toBe('2026-10-15');
  });

  it.each([
    ['合同签订生效后的30日内', { signedOn: '2026-05-20' }, '2026-06-19', null],
    // 09-28 (Sunday, made a working day), 09-29, 09-30, holidays 10-01…10-08, 10-09, 10-10,
    // 10-11 (Saturday, working day), 10-13, 10-14, 10-15, 10-16: the tenth working day.
    ['甲方收到发票后十个工作日内', { invoiceDate: '2025-09-26' }, '2025-10-16', null],
    ['甲方收到发票后十个工作日内', {}, null, 'invoiceDate'],
    ['2025年7月底前', {}, '2025-07-31', null],
    // seed 004: the payment is due 10 working days after the invoice, not 30 after signing
    [
      '合同签订后三十个工作日内乙方向甲方提供合同金额80%的增值税普通发票，甲方收到发票后十个工作日内',
      { signedOn: '2024-06-09', invoiceDate: '2024-07-01' },
      '2024-07-15',
      null,
    ],
    [
      '乙方服务完成并经甲方验收合格后的30日内',
      { acceptanceDate: '2027-12-01' },
      '2027-12-31',
      null,
    ],
    ['双方签订合同后，乙方开具等额发票后', { signedOn: '2026-06-26' }, null, null],
  ])('%s', (condition, events, due, needs) => {
    const r = dueDateOf(condition, events);
    expect(r.dueDate).toBe(due);
    expect(r.needs).toBe(needs);
  });

  it('counts each installment from its own invoice date where one is entered (seed 004)', () => {
    const installments = [
      {
        sequence: 1,
        percent: '80',
        yuan: '928000.00',
        condition:
          '合同签订后三十个工作日内乙方向甲方提供合同金额80%的增值税普通发票，甲方收到发票后十个工作日内',
        clauseId: null,
      },
      {
        sequence: 2,
        percent: '20',
        yuan: '232000.00',
        condition:
          '年底前，乙方向甲方提交已完成工作的总结报告和服务成果，提供合同金额20%的增值税普通发票，甲方收到发票后十个工作日内',
        clauseId: null,
      },
    ] as Parameters<typeof paymentSchedule>[0];
    const events = {
      invoiceDate: '2024-07-01',
      invoiceDates: { '2': '2024-12-16' },
    };
    const [first, second] = paymentSchedule(installments, events);
    // The first has no own date: the common one, 2024-07-01 + 10 working days.
    expect(first).toMatchObject({ dueDate: '2024-07-15', from: 'invoiceDate' });
    // The second's own invoice of 2024-12-16 + 10 working days.
    expect(second).toMatchObject({ dueDate: '2024-12-30', from: 'invoiceDate' });
    expect(second.basis).toBe('收到发票（2024-12-16）后 10 个工作日');
    expect(paymentSchedule(installments, {})[1]).toMatchObject({
      dueDate: null,
      needs: 'invoiceDate',
      basis: '需输入“收到发票”日期',
    });
  });

  it('refuses a bad tax rate or amount in plain words, without NaN', () => {
    expect(() => taxSplit('1168000', 'x')).toThrow('金额和税率须为非负数');
    expect(() => toWritten('abc')).toThrow('金额无效');
    expect(toWritten('1,160,000')).toBe('壹佰壹拾陆万元整');
  });

  it('splits tax: 1,168,000 at 6 % → 1,101,886.79 + 66,113.21', () => {
    expect(taxSplit('1168000', '6')).toMatchObject({ excludingTax: '1101886.79', tax: '66113.21' });
  });

  it('converts 大写 ↔ figures both ways, round-tripping from 0.01 to 10^12', () => {
    expect(toWritten('6980000')).toBe('陆佰玖拾捌万元整');
    expect(fromWritten('叁拾柒万伍仟玖佰捌拾元整')).toBe('375980.00');
    // Deterministic pseudo-random amounts across the whole range, plus the edges.
    let seed = 20261121;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const samples = [
      '0.01',
      '0.10',
      '1.00',
      '10.01',
      '100000.00',
      '100000000.00',
      '1000000000000.00',
    ];
    for (let i = 0; i < 400; i++) {
      const digits = 1 + (next() % 13);
      let n = new Decimal(next()).times(next()).mod(new Decimal(10).pow(digits)).div(100);
      if (n.lt(0.01)) n = new Decimal('0.01');
      samples.push(n.toFixed(2));
    }
    for (const v of samples) expect(fromWritten(toWritten(v)), v).toBe(new Decimal(v).toFixed(2));
  });
});
