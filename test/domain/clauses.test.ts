/**
 * Clause structure on the numbering systems of Chinese contracts, including forms the seeds do
 * not use (第X章 / 第X条 model contracts, 1.1.1, ①, 附件一), and categories from headings.
 */
import { describe, expect, it } from 'vitest';
import { parseClauses } from '../../shared/domain/clauses/parse';
import { matchNumbering } from '../../shared/domain/clauses/numbering';
import { categorize } from '../../shared/domain/clauses/categories';
import type { SourceDocument } from '../../shared/domain/document';

const doc = (lines: string[]): SourceDocument => ({
  format: 'txt',
  text: lines.join('\n') + '\n',
  pageCount: null,
  boxes: null,
});
const tree = (lines: string[]) =>
  parseClauses(doc(lines)).map(
    (c) => `${'  '.repeat(c.level)}${c.label}|${c.heading}|${c.category}`,
  );

describe('matchNumbering', () => {
  it.each([
    ['第十二条 违约责任', 'article', 12, '违约责任'],
    ['第三章 合同价款', 'chapter', 3, '合同价款'],
    ['十二、违约责任', 'cn', 12, '违约责任'],
    ['（四）乙方如将甲方商业秘密泄露', 'cnParen', 4, '乙方如将甲方商业秘密泄露'],
    ['(二) 成交结果', 'cnParen', 2, '成交结果'],
    ['1.1 服务类型', 'dotted2', 1, '服务类型'],
    ['3.1.2甲方有权', 'dotted3', 2, '甲方有权'],
    ['2、乙方出具的报价单', 'decimal', 2, '乙方出具的报价单'],
    ['10. 乙方', 'decimal', 10, '乙方'],
    ['（1）运维方式', 'paren', 1, '运维方式'],
    ['③性能优化', 'circled', 3, '性能优化'],
    ['第一期：合同签订后', 'phase', 1, '合同签订后'],
    ['附件 1', 'annex', 1, ''],
    ['附件一：保密协议', 'annex', 1, '保密协议'],
  ])('%s', (line, style, value, rest) =>
    expect(matchNumbering(line)).toMatchObject({ style, value, rest }),
  );

  it.each([
    '1.5倍的违约金',
    '2025年6月',
    '30日内支付',
    '附件：1.分项表',
    '99.5%',
    '0.1% 向甲方支付',
  ])('%s is not a clause label', (line) => {
    const n = matchNumbering(line);
    expect(n === null || n.style === 'label').toBe(true);
  });
});

describe('parseClauses', () => {
  it('nests a model contract (第X章 › 第X条 › 1. › (1)) and an annex', () => {
    expect(
      tree([
        '采购合同（示范文本）',
        '第一章 总则',
        '第一条 合同标的',
        '1. 服务内容见附件一。',
        '第二条 合同价款',
        '1. 合同总价为人民币100000.00元。',
        '(1) 首付款',
        '(2) 尾款',
        '2. 支付方式：银行转账。',
        '第二章 违约责任',
        '第三条 违约金',
        '附件一',
        '服务清单',
      ]),
    ).toEqual([
      '|首部|parties',
      '第一章|总则|other',
      '  第一条|合同标的|scope',
      '    1.||scope',
      '  第二条|合同价款|price',
      '    1.||price',
      '      (1)|首付款|payment',
      '      (2)|尾款|payment',
      '    2.|支付方式|payment',
      '第二章|违约责任|liability',
      '  第三条|违约金|liability',
      '附件一|服务清单|annex',
    ]);
  });

  it('treats a number that breaks its sequence as body text, and closes the body at 以下无正文', () => {
    const t = tree([
      '一、服务期限',
      '本合同自签订之日起1年。',
      '3. 不是条款编号',
      '二、保密',
      '（以下无正文）',
      '甲方：某某局',
    ]);
    expect(t).toEqual(['一、|服务期限|term', '二、|保密|confidentiality', '|签署页|parties']);
  });

  it('gives clauses without headings the topic of their first words, or their parent’s', () => {
    const t = tree([
      '八、违约责任',
      '8.1 任何一方由于不可抗力原因不能履行合同的，免除责任。',
      '8.2 乙方逾期的，每日按0.1%支付违约金。',
    ]);
    expect(t).toEqual(['八、|违约责任|liability', '  8.1||force_majeure', '  8.2||liability']);
  });
});

describe('categorize', () => {
  it.each([
    ['保密期限', 'confidentiality'],
    ['服务期限', 'term'],
    ['履约保证金', 'performance_bond'],
    ['争议解决', 'dispute_resolution'],
    ['知识产权条款', 'intellectual_property'],
    ['验收方法及标准', 'acceptance'],
    ['合同金额及支付方式', 'price'],
    ['付款方式', 'payment'],
    ['通知与送达', 'notice'],
    ['项目管理人员及技术人员要求', 'personnel'],
    ['绩效考核', 'kpi'],
    ['不可抗力', 'force_majeure'],
    ['合同变更或解除', 'termination'],
    ['数据安全服务内容及责任', 'data_security'],
  ])('%s → %s', (heading, category) => expect(categorize(heading)).toBe(category));
});

describe('a table of contents (目录)', () => {
  it('is not read as clauses; the chapters after it are', () => {
    expect(
      tree([
        '某市政务云运维服务项目招标文件',
        '目  录',
        '第一章 招标公告 ........................ 1',
        '第二章 合同条款及格式 …………………… 12',
        '第三章 投标文件格式\t20',
        '第一章 招标公告',
        '一、项目基本情况',
        '第二章 合同条款及格式',
        '一、违约责任',
        '乙方每延期一日，应按合同总价的0.5%支付违约金。',
        '第三章 投标文件格式',
      ]),
    ).toEqual([
      '|首部|parties',
      '第一章|招标公告|other',
      '  一、|项目基本情况|other',
      '第二章|合同条款及格式|other',
      '  一、|违约责任|liability',
      '第三章|投标文件格式|other',
    ]);
  });
});
