/** Table-driven tests of the text layer: whitespace rules, numerals, money, dates, markup. */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { canonicalText, normalizeLine } from '../../shared/domain/text/normalize';
import { ratePercent } from '../../shared/domain/recognize/rates';
import {
  parseChineseInteger,
  parseWrittenAmount,
  writeAmount,
} from '../../shared/domain/text/chinese-numerals';
import { findMoney, findWrittenAmounts } from '../../shared/domain/recognize/money';
import { addMonths, findDates, monthsBetween } from '../../shared/domain/recognize/dates';
import { markupToLines } from '../../shared/domain/text/markup';
import { sentenceSpans, trimHeadings } from '../../shared/domain/text/sentences';

describe('normalizeLine', () => {
  it.each([
    ['保 密 协 议', '保密协议'],
    ['甲 方：贵州省民政厅', '甲方：贵州省民政厅'],
    ['法 人 代 表： 刘春 经办人： 李玲玲', '法人代表：刘春 经办人：李玲玲'],
    ['签订时间：2025 年 6 月 日', '签订时间：2025年6月日'],
    ['　　本合同一式陆份', '本合同一式陆份'],
    ['Microsoft IE 浏览器', 'Microsoft IE浏览器'],
    ['账 号：5012 0188 0004 8657 8', '账号：5012 0188 0004 8657 8'],
    ['序号\t服务名称\t 内容 ', '序号\t服务名称\t内容'],
  ])('%s → %s', (input, expected) => expect(normalizeLine(input)).toBe(expected));
});

describe('Chinese numerals (nzh)', () => {
  it.each([
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['二〇二五', 2025],
    ['两', 2],
    ['18', 18],
    ['合同', null],
  ])('parseChineseInteger(%s) = %s', (input, expected) =>
    expect(parseChineseInteger(input)).toBe(expected),
  );

  it.each([
    ['贰拾捌万元整', '280000.00'],
    ['叁拾柒万伍仟玖佰捌拾元整', '375980.00'],
    ['壹拾伍万零叁佰玖拾贰元整', '150392.00'],
    ['陆佰玖拾捌万捌仟元整', '6988000.00'],
    ['人民币壹万元零伍分', '10000.05'],
    ['壹佰壹拾万壹仟捌佰捌拾陆元柒角玖分', '1101886.79'],
    ['伍角', '0.50'],
  ])('parseWrittenAmount(%s) = %s', (input, expected) =>
    expect(parseWrittenAmount(input)?.toFixed(2)).toBe(expected),
  );

  it.each(['合同金额', '元整', '壹贰叁'])('parseWrittenAmount(%s) is null', (input) =>
    expect(parseWrittenAmount(input)).toBeNull(),
  );

  it.each([
    ['280000', '贰拾捌万元整'],
    ['6980000.00', '陆佰玖拾捌万元整'],
    ['10000.05', '壹万元零伍分'],
  ])('writeAmount(%s) = %s', (yuan, expected) =>
    expect(writeAmount(new Decimal(yuan))).toBe(expected),
  );

  it('writes and reads back amounts from 0.01 to 10^12', () => {
    for (const v of [
      '0.01',
      '0.1',
      '1',
      '10.5',
      '100.01',
      '1000000',
      '1234567.89',
      '100000000',
      '999999999999.99',
      '1000000000000',
    ]) {
      expect(parseWrittenAmount(writeAmount(new Decimal(v)))!.equals(v), v).toBe(true);
    }
  });
});

describe('money in figures', () => {
  it.each([
    ['人民币¥6,980,000.00元（大写', '6980000'],
    ['人民币 150392 元', '150392'],
    ['（¥1168000 元）', '1168000'],
    ['预算12.5万元', '125000'],
    ['¥ 375980.00 元', '375980'],
  ])('%s', (text, yuan) => expect(findMoney(text)[0].yuan.toString()).toBe(yuan));

  it('skips account numbers and finds 大写 next to figures', () => {
    expect(findMoney('账号：15050170667800000176')).toEqual([]);
    const w = findWrittenAmounts('即人民币140000.00元，大写：壹拾肆万元整。');
    expect(w.map((x) => [x.text, x.yuan.toString()])).toEqual([['壹拾肆万元整', '140000']]);
  });
});

describe('dates', () => {
  it.each([
    ['2026年5月20日', '2026-05-20'],
    ['二〇二五年 6 月 10 日', '2025-06-10'],
    ['2026.5.20', '2026-05-20'],
    ['2024-06-09', '2024-06-09'],
    ['二〇二四年十二月三十一日', '2024-12-31'],
    ['2025年6月日', null],
    ['2025年6月 日', null],
    ['2025年2月30日', null],
  ])('%s → %s', (text, iso) => {
    const d = findDates(text);
    expect(d).toHaveLength(1);
    expect(d[0].iso).toBe(iso);
  });

  it('adds months and counts whole months', () => {
    expect(addMonths('2026-05-20', 18, -1)).toBe('2027-11-19');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(monthsBetween('2026-05-20', '2027-11-19')).toBe(18);
    expect(monthsBetween('2026-05-20', '2027-11-25')).toBeNull();
  });
});

describe('markupToLines', () => {
  it('cleans Markdown, HTML and LaTeX and keeps tables as tab-separated rows', () => {
    const md = [
      '## **第一条 服务项目**',
      '',
      '甲方：北京市科学技术委员会、中关村科技园区管理委员会',
      '综合事务中心',
      '',
      '通信地址：贵州省贵阳市  ',
      '长岭街道',
      '',
      '系统正常运行率 $\\geq 99.5\\%$，联系电话: \\_\\_\\_',
      '',
      '| 序号 | 内容 |',
      '|---|---|',
      '| 1 | 巡检 |',
      '',
      '<p>第一段</p><p>第二段</p>',
      '- (二) 成交结果',
    ].join('\n');
    expect(markupToLines(md)).toEqual([
      '第一条 服务项目',
      '甲方：北京市科学技术委员会、中关村科技园区管理委员会综合事务中心',
      '通信地址：贵州省贵阳市',
      '长岭街道',
      '系统正常运行率 ≥99.5%，联系电话: ___',
      '序号\t内容',
      '1\t巡检',
      '第一段',
      '第二段',
      '(二) 成交结果',
    ]);
  });
});

describe('radicals extracted from PDFs read as the ideographs they stand for', () => {
  it('maps Kangxi and supplement radicals and compatibility ideographs, one unit for one', () => {
    expect(canonicalText('⼈⺠币壹佰元，第1⻚，甲⽅、⼄⽅，详⻅附件')).toBe(
      '人民币壹佰元，第1页，甲方、乙方，详见附件',
    );
    expect(canonicalText('違約金 ABC 123，。')).toBe('違約金 ABC 123，。');
    for (const [from, to] of [
      [0x2e80, 0x2eff],
      [0x2f00, 0x2fdf],
      [0xf900, 0xfaff],
    ]) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        const out = canonicalText(ch);
        expect(out.length).toBe(1);
        // Either unchanged (unassigned or no equivalent) or a unified ideograph.
        if (out !== ch) expect(out).toMatch(/[\u3400-\u4dbf\u4e00-\u9fff]/);
      }
    }
  });
});

describe('rates in the forms contracts write them', () => {
  it.each([
    ['0.5%', '0.5'],
    ['5‰', '0.5'],
    ['百分之十', '10'],
    ['百分之三十', '30'],
    ['千分之五', '0.5'],
    ['千分之零点五', '0.05'],
    ['万分之五', '0.05'],
    ['万分之三', '0.03'],
    ['百分之0.1', '0.1'],
  ])('%s is %s %%', (text, percent) => {
    expect(ratePercent(text)?.toString()).toBe(percent);
  });

  it('is null for what is not a rate', () => {
    expect(ratePercent('三十')).toBeNull();
    expect(ratePercent('千分之')).toBeNull();
  });
});

describe('sentences of a region', () => {
  const slices = (text: string, from = 0, to = text.length, keepHeadings = false) =>
    sentenceSpans(text, from, to, { keepHeadings }).map((s) => text.slice(s.start, s.end));

  it.each([
    // The words after the last 。 count, whether or not a line break ends the region.
    [
      '1、乙方应提交月报。\n2、甲方按季度支付，每季度5万元\n',
      ['1、乙方应提交月报。', '2、甲方按季度支付，每季度5万元\n'],
    ],
    [
      '三、服务费用\n考核费用：500元/人/月，具体规则如下：\n',
      ['考核费用：500元/人/月，具体规则如下：\n'],
    ],
    // A heading line ends nothing; the sentence after it starts after it.
    ['八、违约条款\n乙方逾期的，每日支付0.1%违约金。', ['乙方逾期的，每日支付0.1%违约金。']],
  ])('%j', (text, expected) => {
    expect(slices(text)).toEqual(expected);
  });

  it('a region holding only a heading has no sentence, with or without its line break', () => {
    const text = '甲方应按时付款。\n3.投标人资格要求\n3.1\t本次招标要求投标人具备资质';
    const from = text.indexOf('3.');
    expect(slices(text, from, text.indexOf('\n', from) + 1)).toEqual([]);
    expect(trimHeadings(text, { start: from, end: text.indexOf('\n', from) })).toEqual({
      start: text.indexOf('\n', from),
      end: text.indexOf('\n', from),
    });
  });
});
