/**
 * Findings rules on synthetic text: for each rule, cases that must fire and cases that must not.
 */
import { describe, expect, it } from 'vitest';
import { parseClauses } from '../../shared/domain/clauses/parse';
import { extractContract } from '../../shared/domain/terms/contract';
import { extractPenaltyRules } from '../../shared/domain/penalties/extract';
import { FINDING_RULES, runFindings } from '../../shared/domain/findings/index';
import { isValidResidentId } from '../../shared/domain/pii';
import { annotateSentences } from '../../shared/domain/sentences/model';

/**
 * The findings of a text; with `doubt`, the text is taken as read by OCR at 0.99 for every
 * character but those of each `doubt` string (its first occurrence), read at 0.6.
 */
function findings(lines: string[], doubt?: string[]) {
  const text = lines.join('\n') + '\n';
  const clauses = parseClauses({ format: 'txt', text, pageCount: null, boxes: null });
  const { contract, terms } = extractContract(annotateSentences(text, clauses));
  let confidence: Float32Array | undefined;
  if (doubt) {
    confidence = new Float32Array(text.length).fill(0.99);
    for (const d of doubt) confidence.fill(0.6, text.indexOf(d), text.indexOf(d) + d.length);
  }
  return runFindings({
    text,
    clauses,
    contract,
    penaltyRules: extractPenaltyRules(annotateSentences(text, clauses)),
    terms,
    confidence,
  });
}
const ids = (lines: string[]) => findings(lines).map((f) => f.ruleId);

describe('findings rules', () => {
  it('cover every rule id of REPORT.md plus penalty.ambiguous and party.name-mismatch', () => {
    expect(FINDING_RULES.map((r) => r.id).sort()).toEqual(
      [
        'amount.written-mismatch',
        'amount.installments-mismatch',
        'id.inconsistent',
        'signatory.name-mismatch',
        'date.incomplete',
        'field.blank',
        'pii.personal-id',
        'term.inconsistent',
        'penalty.asymmetric',
        'penalty.ambiguous',
        'party.name-mismatch',
        'ocr.low-confidence',
      ].sort(),
    );
  });

  it('ocr.low-confidence: lists the values read doubtfully, not those the 大写 confirms', () => {
    const lines = [
      '合同金额：人民币¥375,980.00元（大写：叁拾柒万伍仟玖佰捌拾元整）。',
      '乙方逾期交付的，每日按合同金额的0.5%支付违约金。',
      '服务期限为12个月，自2026年5月20日起算。',
    ];
    // A text layer: nothing to doubt.
    expect(ids(lines)).not.toContain('ocr.low-confidence');
    // A scan read surely: nothing either.
    expect(findings(lines, []).map((f) => f.ruleId)).not.toContain('ocr.low-confidence');
    const low = findings(lines, ['0.5', '2026年5', '375,9']).filter(
      (f) => f.ruleId === 'ocr.low-confidence',
    );
    expect(low).toHaveLength(1);
    // The rate and the date are listed; the amount's figures agree with its 大写, which
    // confirms the reading.
    expect(low[0].quote).toBe('0.5% … 2026年5月20日');
    expect(low[0].message).toContain('“0.5%”、“2026年5月20日”（共 2 处）');
    expect(low[0].severity).toBe('medium');
  });

  it('amount.written-mismatch on a scan says OCR may have misread either reading', () => {
    const line = ['合同金额：人民币¥375,980.00元（大写：叁拾柒万伍仟玖佰玖拾元整）。'];
    const printed = findings(line).find((f) => f.ruleId === 'amount.written-mismatch')!;
    expect(printed.message).not.toContain('识别');
    const scanned = findings(line, []).find((f) => f.ruleId === 'amount.written-mismatch')!;
    expect(scanned.message).toContain('也可能是文字识别误读');
    expect(scanned.messageEn).toContain('OCR may have misread');
  });

  it('amount.written-mismatch: one digit off fires, exactly right does not', () => {
    const off = findings(['合同金额：人民币¥375,980.00元（大写：叁拾柒万伍仟玖佰玖拾元整）。']);
    expect(off.map((f) => f.ruleId)).toContain('amount.written-mismatch');
    expect(off.find((f) => f.ruleId === 'amount.written-mismatch')!.quote).toBe(
      '¥375,980.00元 … 叁拾柒万伍仟玖佰玖拾元整',
    );
    expect(
      ids(['合同金额：人民币¥375,980.00元（大写：叁拾柒万伍仟玖佰捌拾元整）。']),
    ).not.toContain('amount.written-mismatch');
  });

  const schedule = (second: string) => [
    '一、合同金额',
    '合同金额：人民币100000.00元（大写：壹拾万元整）。',
    '二、付款方式',
    '第一期：合同签订后10日内，甲方向乙方支付合同金额的40%，即人民币40000.00元。',
    `第二期：验收合格后10日内，甲方向乙方支付合同金额的${second}。`,
  ];
  it('amount.installments-mismatch: 99 % fires, 100 % does not; a wrong amount fires', () => {
    expect(ids(schedule('59%，即人民币59000.00元'))).toContain('amount.installments-mismatch');
    expect(ids(schedule('60%，即人民币60000.00元'))).not.toContain('amount.installments-mismatch');
    expect(ids(schedule('60%，即人民币66000.00元'))).toContain('amount.installments-mismatch');
  });

  it('id.inconsistent: a truncated project number fires, the same number twice does not', () => {
    expect(ids(['项目编号：NMGZC-G-F-260201', '本项目（项目编号 NMGZC-G-F-26020）'])).toContain(
      'id.inconsistent',
    );
    expect(
      ids(['项目编号：NMGZC-G-F-260201', '本项目（项目编号 NMGZC-G-F-260201）']),
    ).not.toContain('id.inconsistent');
    expect(
      ids(['合同编号（甲方）：GZSMZTXXZX2025004', '合同编号（乙方）：DSJJTXX20250355']),
    ).not.toContain('id.inconsistent');
  });

  const signing = (a: string, b: string) => [
    '甲方(盖章)',
    '单位名称：某某局',
    `法定代表人或授权代表(签字)：${a}`,
    '保密协议',
    '甲方(盖章)',
    `法定代表人或授权代表(签字)：${b}`,
  ];
  it('a party named differently where it seals is signatory.name-mismatch, elsewhere party.name-mismatch; the same name, a seal mark or a blank is neither', () => {
    const contract = (sealA: string, sealB = '乙方（盖章）：某某科技有限公司') => [
      '运维服务合同',
      '甲方：某市大数据管理局',
      '乙方：某某科技有限公司',
      '一、服务内容',
      '乙方为甲方提供运维服务。',
      '（以下无正文）',
      `${sealA}\t${sealB}`,
    ];
    const mismatches = (lines: string[]) =>
      findings(lines).filter((f) => /name-mismatch$/.test(f.ruleId));
    const fired = mismatches(contract('甲方（盖章）：某市大数据发展管理局'));
    expect(fired.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'signatory.name-mismatch',
        '甲方签章处的名称与合同首部不一致：“某市大数据管理局”与“某市大数据发展管理局”，请核对签约主体',
      ],
    ]);
    expect(fired[0].quote).toBe('某市大数据管理局 … 某市大数据发展管理局');
    // The seal mark after the name (`甲方：X（盖章）`) is where it signs too.
    expect(mismatches(contract('甲方：高新大数据管理局（盖章）')).map((f) => f.ruleId)).toEqual([
      'signatory.name-mismatch',
    ]);
    expect(mismatches(contract('甲方（盖章）：某市大数据管理局'))).toEqual([]);
    expect(mismatches(contract('甲方：某市大数据管理局（盖章）'))).toEqual([]);
    expect(mismatches(contract('甲方（盖章）：__________'))).toEqual([]);
    // A supplier's branch is another entity.
    expect(
      mismatches(
        contract('甲方（盖章）：某市大数据管理局', '乙方（盖章）：某某科技有限公司北京分公司'),
      ).map((f) => f.ruleId),
    ).toEqual(['signatory.name-mismatch']);
    // Named otherwise in an attached agreement, not where it signs: party.name-mismatch.
    expect(
      mismatches([
        ...contract('甲方（盖章）：某市大数据管理局'),
        '附件：保密协议',
        '甲方：某市大数据发展管理局',
        '乙方：某某科技有限公司',
      ]).map((f) => f.ruleId),
    ).toEqual(['party.name-mismatch']);
  });

  it('penalty.asymmetric with fixed sums: 2,000 vs 500 a day fires; equal sums, or a sum against a percentage, do not', () => {
    const late = (b: string, a: string) =>
      ids([
        '一、违约责任',
        `乙方逾期提供服务的，每逾期一日，应向甲方支付违约金${b}。`,
        `甲方逾期付款的，每逾期一日，${a}。`,
      ]);
    expect(late('2000元', '应向乙方支付违约金500元')).toContain('penalty.asymmetric');
    expect(late('500元', '应向乙方支付违约金500元')).not.toContain('penalty.asymmetric');
    expect(late('500元', '按逾期金额的0.05%向乙方支付违约金')).not.toContain('penalty.asymmetric');
  });

  it('signatory.name-mismatch: 范遵 / 范海 fires, the same name twice and unrelated names do not', () => {
    expect(ids(signing('范遵', '范海'))).toContain('signatory.name-mismatch');
    expect(ids(signing('范遵', '范遵'))).not.toContain('signatory.name-mismatch');
    expect(ids(signing('孙拥辉', '范遵'))).not.toContain('signatory.name-mismatch');
    expect(ids(['乙方：王为昌', '身份证号：略', '乙方: 王伟昌'])).toContain(
      'signatory.name-mismatch',
    );
  });

  it('date.incomplete: 2025年6月 日 fires, a full date does not', () => {
    expect(ids(['签订时间：2025年6月 日'])).toContain('date.incomplete');
    expect(ids(['签订日期：____年__月__日'])).toContain('date.incomplete');
    expect(ids(['签订时间：2025年6月27日'])).not.toContain('date.incomplete');
  });

  it('field.blank: 联系电话: ____ fires, a filled field does not', () => {
    expect(ids(['甲方：某某局', '联系电话: _____'])).toContain('field.blank');
    expect(ids(['甲方：某某局', '联系电话: 0471-1234567'])).not.toContain('field.blank');
    expect(
      ids(['八、违约责任', '8.1 甲方每延期一天，应按合同总价款的【 】向乙方支付违约金。']),
    ).toContain('field.blank');
  });

  it('pii.personal-id: a valid GB 11643 number fires, a wrong checksum or a phone or account number does not', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(ids(['乙方：王某', '身份证号：11010519491231002X'])).toContain('pii.personal-id');
    expect(ids(['身份证号：110105194912310021'])).not.toContain('pii.personal-id');
    expect(ids(['联系方式：15326068111', '账号：15050170667800000176'])).not.toContain(
      'pii.personal-id',
    );
  });

  it('term.inconsistent: 1 year ending 2025-12-31 from 2025-06-10 fires, a consistent range does not', () => {
    expect(
      ids(['签订日期：2025年6月10日', '三、维护期', '本合同维护期1年，截止至2025年12月31日。']),
    ).toContain('term.inconsistent');
    expect(
      ids([
        '签订日期：2026年5月20日',
        '四、服务期限',
        '2026年5月20日至2027年11月19日，周期18个月。',
      ]),
    ).not.toContain('term.inconsistent');
  });

  it('penalty.asymmetric: a one-sided late penalty fires, mirrored penalties do not', () => {
    const supplierOnly = [
      '八、违约责任',
      '（一）乙方逾期提供服务的，每延期一日，乙方应按照合同总金额的0.1%向甲方支付违约金。',
    ];
    expect(ids(supplierOnly)).toContain('penalty.asymmetric');
    const mirrored = [
      ...supplierOnly,
      '（二）甲方逾期支付合同款项的，每延期一日，甲方应按照合同总金额的0.1%向乙方支付违约金。',
    ];
    expect(ids(mirrored)).not.toContain('penalty.asymmetric');
    // The same rate on each breach's own base is the mirror; a lower rate on the smaller base is not.
    const customaryBases = [
      ...supplierOnly,
      '（二）甲方逾期支付合同款项的，每延期一日，甲方应按照逾期支付金额0.1%向乙方支付违约金。',
    ];
    expect(ids(customaryBases)).not.toContain('penalty.asymmetric');
    const lighterOnSmallerBase = [
      ...supplierOnly,
      '（二）甲方逾期支付合同款项的，每延期一日，甲方应按照逾期支付金额0.08%向乙方支付违约金。',
    ];
    expect(ids(lighterOnSmallerBase)).toContain('penalty.asymmetric');
    // The mirror, but the purchaser excused for reasons on its own side; not when the supplier
    // caused the delay.
    const excused = [
      ...customaryBases,
      '因财政资金拨付流程等不可归责于甲方的原因导致付款延期的，甲方不承担违约责任。',
    ];
    expect(findings(excused).find((f) => f.ruleId === 'penalty.asymmetric')?.message).toBe(
      '逾期违约责任不对等：乙方逾期履行须按每日合同总金额的 0.1%支付违约金，甲方逾期付款却可免责（“因财政资金拨付流程等不可归责于甲方的原因导致付款延期的，甲方不承担违约责任”）',
    );
    const supplierCaused = [
      ...customaryBases,
      '若乙方未按约定提供发票，甲方有权顺延支付相应款项且不视为甲方违约。',
    ];
    expect(ids(supplierCaused)).not.toContain('penalty.asymmetric');
  });

  it('penalty.ambiguous: a continuing breach without 每日/每次 fires, a per-day rule does not', () => {
    expect(
      ids([
        '8.2 自中断情形持续的第5日起，甲方有权按相关子项目预算金额1%的数额要求乙方向甲方支付违约金。',
      ]),
    ).toContain('penalty.ambiguous');
    expect(
      ids(['8.2 服务中断的，每中断一日，乙方应按相关子项目预算金额1%向甲方支付违约金。']),
    ).not.toContain('penalty.ambiguous');
  });

  it('every finding quotes text from the document', () => {
    for (const f of findings(schedule('59%，即人民币59000.00元')))
      expect(f.quote.length).toBeGreaterThan(0);
  });
});
