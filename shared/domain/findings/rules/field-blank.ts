/**
 * `field.blank`: a field left blank — a label followed by an underscore blank
 * (`联系电话: ____`), or a required party or contract field with nothing after its colon in
 * the contract's opening part (`合同编号：`), or a penalty whose rate is left blank
 * (`按合同总价款的【 】向乙方支付违约金`).
 */
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, quoteOf } from '../util';

const UNDERSCORE = /([\u4e00-\u9fff]{2,8})\s*[：:]\s*[_＿]{2,}/g;
const REQUIRED =
  /^(合同编号|项目编号|联系电话|电话|地址|通信地址|法定代表人|开户银行|账号|签订日期)\s*[：:]\s*$/;

export const fieldBlank: FindingRule = {
  id: 'field.blank',
  description: '必填栏目空白 (a required field left blank)',
  check(ctx) {
    const spans: { start: number; end: number; label: string }[] = [];
    for (const m of ctx.text.matchAll(UNDERSCORE)) {
      const start = m.index ?? 0;
      spans.push({ start, end: start + m[0].length, label: m[1] });
    }
    const preamble = ctx.clauses.find((c) => c.heading === '首部');
    if (preamble) {
      let pos = preamble.start;
      for (const line of ctx.text.slice(preamble.start, preamble.end).split('\n')) {
        const m = REQUIRED.exec(line.trim());
        if (m) {
          const start = pos + line.indexOf(m[1]);
          if (!spans.some((s) => s.start === start))
            spans.push({ start, end: start + line.trim().length, label: m[1] });
        }
        pos += line.length + 1;
      }
    }
    for (const r of ctx.penaltyRules.filter(
      (x) => x.percent === null && x.yuan === null && x.kind !== 'actual_loss',
    )) {
      if (!spans.some((s) => s.start === r.span.start))
        spans.push({ start: r.span.start, end: r.span.end, label: '违约金比例' });
    }
    return spans
      .sort((a, b) => a.start - b.start)
      .map<Finding>((s) => ({
        ruleId: this.id,
        severity: s.label === '违约金比例' ? 'medium' : 'low',
        message: `栏目“${s.label}”未填写`,
        messageEn: `The field "${s.label}" is blank`,
        clauseIds: clauseIdsOf(ctx, [s]),
        quote: quoteOf(ctx.text, [s]),
        spans: [{ start: s.start, end: s.end }],
      }));
  },
};
