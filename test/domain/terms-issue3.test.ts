/**
 * Penalty rules, service levels, NDA terms and bands on the sentences the issue names, and on
 * variants the seeds do not use.
 */
import { describe, expect, it } from 'vitest';
import { parseClauses } from '../../shared/domain/clauses/parse';
import { extractPenaltyRules } from '../../shared/domain/penalties/extract';
import { extractServiceLevels } from '../../shared/domain/terms/service-levels';
import { extractNdaTerms } from '../../shared/domain/nda/extract';
import { extractGradeBands, extractScoreBands } from '../../shared/domain/terms/kpi';
import { extractObligations } from '../../shared/domain/obligations/extract';
import { analyzeDocument } from '../../shared/domain/analyze';
import { annotateSentences } from '../../shared/domain/sentences/model';

const doc = (lines: string[]) => {
  const text = lines.join('\n') + '\n';
  return { text, clauses: parseClauses({ format: 'txt', text, pageCount: null, boxes: null }) };
};
const rules = (lines: string[]) => {
  const d = doc(lines);
  return extractPenaltyRules(annotateSentences(d.text, d.clauses)).map(
    ({
      payer,
      trigger,
      kind,
      percent,
      base,
      startsAfterDays,
      capPercent,
      terminationAfterDays,
    }) => ({
      payer,
      trigger,
      kind,
      percent,
      base,
      startsAfterDays,
      capPercent,
      terminationAfterDays,
    }),
  );
};

describe('penalty rules', () => {
  it.each([
    [
      '每延期一日，乙方应按照合同总金额的 0.1% 向甲方承担违约责任。延期达到 30 日，甲方有权解除合同。',
      [
        {
          payer: 'partyB',
          trigger: 'late_delivery',
          kind: 'per_day',
          percent: '0.1',
          base: 'contract_total',
          startsAfterDays: null,
          capPercent: null,
          terminationAfterDays: 30,
        },
      ],
    ],
    [
      '因乙方原因出现运维服务中断的，自中断情形持续的第5日起，甲方有权按相关子项目预算金额1%的数额要求乙方向甲方支付违约金。',
      [
        {
          payer: 'partyB',
          trigger: 'service_interruption',
          kind: null,
          percent: '1',
          base: 'sub_item_budget',
          startsAfterDays: 4,
          capPercent: null,
          terminationAfterDays: null,
        },
      ],
    ],
    [
      '过渡期内若乙方拒绝履行，需按日均服务费的 200% 赔偿甲方损失。',
      [
        {
          payer: 'partyB',
          trigger: 'transition_refusal',
          kind: 'per_day',
          percent: '200',
          base: 'daily_fee',
          startsAfterDays: null,
          capPercent: null,
          terminationAfterDays: null,
        },
      ],
    ],
    [
      '任何保密信息的泄漏给甲方造成损失，乙方应向甲方支付合同金额 30%的违约金，或赔偿甲方所受直接损失，违约金和损失赔偿以高者为准。',
      [
        {
          payer: 'partyB',
          trigger: 'confidentiality_breach',
          kind: 'lump_sum',
          percent: '30',
          base: 'contract_total',
          startsAfterDays: null,
          capPercent: null,
          terminationAfterDays: null,
        },
      ],
    ],
    [
      '乙方未完成或延迟超过 10 日完成一次（项）的，应按照合同总项目款项 5% 向甲方支付违约金。',
      [
        {
          payer: 'partyB',
          trigger: 'late_delivery',
          kind: 'per_occurrence',
          percent: '5',
          base: 'contract_total',
          startsAfterDays: null,
          capPercent: null,
          terminationAfterDays: null,
        },
      ],
    ],
    [
      '采购人逾期付款的，每逾期一日，采购人应按应付未付款项的0.05%向供应商支付违约金，违约金累计不超过合同总价的5%。',
      [
        {
          payer: 'partyA',
          trigger: 'late_payment',
          kind: 'per_day',
          percent: '0.05',
          base: 'overdue_amount',
          startsAfterDays: null,
          capPercent: '5',
          terminationAfterDays: null,
        },
      ],
    ],
  ])('%s', (sentence, expected) => expect(rules([sentence])).toEqual(expected));

  it('reads several rules from one sentence, and both parties for a mutual rule', () => {
    expect(
      rules([
        '每延期一天，甲方应按合同总价款的【0.1%】向乙方支付违约金，一旦逾期超出【15】天的，乙方还有权单方解除本合同，甲方应按合同总价款的【5%】向乙方支付违约金。',
      ]).map((r) => [r.payer, r.trigger, r.kind, r.percent, r.terminationAfterDays]),
    ).toEqual([
      ['partyA', 'late_payment', 'per_day', '0.1', 15],
      ['partyA', 'late_payment', 'lump_sum', '5', null],
    ]);
    expect(
      rules(['双方无法定或约定理由单方解除本合同的，需向对方支付合同金额 15% 的违约金。']).map(
        (r) => r.payer,
      ),
    ).toEqual(['partyA', 'partyB']);
  });

  it('ignores percentages that are not penalties (installments, bonds, tax)', () => {
    expect(
      rules([
        '甲方向乙方支付合同金额的50%，即人民币3490000.00元。',
        '乙方应按合同总金额5%向甲方交纳履约保证金。',
        '税率为6%。',
      ]),
    ).toEqual([]);
  });
});

describe('service levels', () => {
  const levels = (lines: string[]) => {
    const d = doc(lines);
    return extractServiceLevels(annotateSentences(d.text, d.clauses)).map(
      ({ metric, minutes, seconds, percent }) => ({
        metric,
        minutes,
        seconds,
        percent,
      }),
    );
  };
  it('reads the issue’s examples', () => {
    expect(
      levels([
        '异常状态15秒内告警，普通咨询5分钟内响应，重大问题2小时内现场支持，紧急情况8小时内到达现场，确保RTO≤4小时，RPO≤1小时，系统正常运行率 ≥99.5%。',
      ]),
    ).toEqual([
      { metric: 'alert', minutes: null, seconds: 15, percent: undefined },
      { metric: 'response', minutes: 5, seconds: undefined, percent: undefined },
      { metric: 'onsite', minutes: 120, seconds: undefined, percent: undefined },
      { metric: 'onsite', minutes: 480, seconds: undefined, percent: undefined },
      { metric: 'rto', minutes: 240, seconds: undefined, percent: undefined },
      { metric: 'rpo', minutes: 60, seconds: undefined, percent: undefined },
      { metric: 'availability', minutes: null, seconds: undefined, percent: '99.5' },
    ]);
  });
  it('does not take thresholds, breach conditions, report deadlines or 7×24 for service levels', () => {
    expect(
      levels([
        '乙方运维导致系统瘫痪超24小时且未修复的，甲方有权解除合同。',
        '未在15分钟内反馈的，扣0.5分。',
        '处置完成后24小时内提交应急处置报告。',
        '提供7×24小时远程技术支持。',
      ]),
    ).toEqual([]);
  });
});

describe('NDA terms', () => {
  it('reads an attached 保密协议: duration, return deadline, breach notice, compelled disclosure, survival', () => {
    const d = doc([
      '第一条 服务内容',
      '乙方提供运维服务。',
      '附件1',
      '保密协议',
      '一、保密信息的范围',
      '本协议所称保密信息，包括但不限于甲方的业务数据。',
      '二、保密义务',
      '1. 乙方仅可在运维工作必需的范围内使用甲方的保密信息。',
      '2. 若发生数据泄露，乙方需在 2 小时内书面通知甲方。',
      '3. 如果乙方应法律要求披露信息，应至少于实际披露行为前 5 日书面通知甲方。',
      '4. 在甲方要求时，乙方应在3日内返还保密信息的所有原件。',
      '三、保密期限',
      '本协议的保密期限自本协议生效之日起至双方合作结束后3年。本协议终止后，保密义务仍有效。',
    ]);
    const [nda] = extractNdaTerms(annotateSentences(d.text, d.clauses), []);
    expect(nda.source).toBe('agreement');
    expect(nda.duration?.value).toBe('本协议生效之日起至双方合作结束后3年');
    expect(nda.breachNoticeHours?.value).toBe(2);
    expect(nda.compelledDisclosureNoticeDays?.value).toBe(5);
    expect(nda.returnDeadlineDays?.value).toBe(3);
    expect(nda.recipients?.value).toContain('仅可在运维工作必需的范围');
    expect(nda.survival).not.toBeNull();
  });
});

describe('a standalone NDA', () => {
  it('is read as one agreement over the whole document, with its terms and penalty', () => {
    const d = doc([
      '保密协议',
      '甲方：某某市大数据中心',
      '乙方：某某科技有限公司',
      '第一条 保密信息',
      '本协议所称保密信息，是指甲方以任何形式提供的业务数据、系统资料。',
      '第二条 保密义务',
      '乙方仅能向参与本项目的员工披露保密信息，未经甲方书面同意，不得向任何第三方披露。',
      '发生泄密的，乙方应在24小时内书面通知甲方。',
      '第三条 保密期限',
      '保密期限为自本协议签订之日起至合作结束后五年。本协议终止后，保密义务仍然有效。',
      '第四条 违约责任',
      '乙方违反本协议的，应向甲方支付合同金额10%的违约金。',
    ]);
    const [nda] = extractNdaTerms(
      annotateSentences(d.text, d.clauses),
      extractPenaltyRules(annotateSentences(d.text, d.clauses)),
    );
    expect(nda.source).toBe('agreement');
    expect(nda.duration?.value).toContain('合作结束后五年');
    expect(nda.breachNoticeHours?.value).toBe(24);
    expect(nda.recipients?.value).toContain('仅能向参与本项目的员工');
    expect(nda.survival).not.toBeNull();
    expect(nda.penaltyRuleIds).toHaveLength(1);
  });
});

describe('score and grade bands', () => {
  it('reads tail payments by score and grades by score', () => {
    const text =
      '分数90分及以上，支付项目尾款=项目金额*10%；分数80-89分，支付项目尾款=项目金额*10%*90%；分数60分以下，支付项目尾款=项目金额*10%*20%。';
    expect(extractScoreBands(text).map((b) => [b.minScore, b.percentOfTotal])).toEqual([
      ['90', '10'],
      ['80', '9'],
      ['0', '2'],
    ]);
    const grades =
      '总分为 95 分及以上的，等级为优秀；总分为 80 分（含 80 分）到 95 分的，等级为良好；总分低于 60 分的，等级为不合格。';
    expect(extractGradeBands(grades).map((b) => [b.minScore, b.grade])).toEqual([
      ['95', '优秀'],
      ['80', '良好'],
      ['0', '不合格'],
    ]);
  });
});

describe('obligations', () => {
  it('reads who does what how often, with deliverables and one-off deadlines', () => {
    const d = doc([
      '三、服务内容',
      '网站每日巡检1次，巡检后输出《日常巡检记录》，每月汇总提交甲方。',
      '五、验收',
      '服务期满后30日内，甲方应组织项目验收。',
      '在项目通过验收后的一个月内，乙方须向甲方提交完整的项目资料。',
    ]);
    const o = extractObligations(annotateSentences(d.text, d.clauses)).map((x) => [
      x.party,
      x.frequency,
      x.deliverable,
      x.deadline,
    ]);
    expect(o).toEqual([
      ['partyB', 'daily', '《日常巡检记录》', null],
      ['partyB', 'monthly', '《日常巡检记录》', null],
      ['partyA', 'once', null, '服务期满后30日内'],
      ['partyB', 'once', null, '项目通过验收后的一个月内'],
    ]);
  });
});

describe('NDA durations and survival in other wordings', () => {
  it.each([
    ['本协议项下的保密义务在合同终止后五年内有效。', '合同终止后五年', null],
    ['保密期间为合同期满后二年。', '合同期满后二年', null],
    ['保密期限为永久。', '永久', null],
    ['乙方的保密义务不因本合同的终止而终止。', null, '不因本合同的终止而终止'],
  ])('%s', (sentence, duration, survival) => {
    const a = analyzeDocument({
      format: 'txt',
      text: `运维服务合同\n一、保密\n${sentence}\n`,
      pageCount: null,
      boxes: null,
    });
    const [r] = a.ndaTerms;
    expect([r.duration?.value ?? null, r.survival?.value ?? null]).toEqual([duration, survival]);
  });
});

describe('obligations: the acting party and events in adjacent phrases', () => {
  it.each([
    ['甲方应在收到乙方提交的验收申请后10个工作日内组织验收。', 'partyA', 'once'],
    ['发现安全事件后，乙方应立即报告甲方。', 'partyB', 'on_event'],
  ])('%s', (sentence, party, frequency) => {
    const a = analyzeDocument({
      format: 'txt',
      text: `一、服务内容\n${sentence}\n`,
      pageCount: null,
      boxes: null,
    });
    expect(a.obligations.map((o) => [o.party, o.frequency])).toEqual([[party, frequency]]);
  });
});
