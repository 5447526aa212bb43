/**
 * `field.blank`: a field left blank — a particular of the parties or the contract with nothing
 * but a blank or a placeholder after its label (`联系电话：`, `合同编号：[合同中心-合同编码]`,
 * `甲方：____`, two to a line in two-column blocks), an underscore blank after any label
 * (`联系电话: ____`), or a penalty whose rate is left blank (`按合同总价款的【 】向乙方支付违约金`).
 */
import { roleOfPartyWord } from '../../lexicon/parties';
import { labelledFields } from '../../recognize/fields';
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, quoteOf } from '../util';
import { firstEndingAfter } from '../../text/sentences';

/** A label followed by an underscore blank and nothing else (not `甲方：____某市大数据管理局`). */
const UNDERSCORE = /([\u4e00-\u9fff]{2,8})\s*[：:]\s*[_＿]{2,}(?=\s*(?:$|[\n\t，。；,;（）()]))/gm;

export const fieldBlank: FindingRule = {
  id: 'field.blank',
  description: '必填栏目空白 (a required field left blank)',
  check(ctx) {
    type Blank = { start: number; end: number; label: string };
    // The labelled fields come in document order and never overlap; the other blanks are checked
    // against them by binary search (a document of thousands of blank fields stays linear).
    const fields: Blank[] = [];
    const others: Blank[] = [];
    const overlapsField = (start: number, end: number) => {
      const lo = firstEndingAfter(fields, start);
      return lo < fields.length && fields[lo].start < end;
    };
    const add = (start: number, end: number, label: string) => {
      if (!overlapsField(start, end) && !others.some((o) => o.start < end && start < o.end))
        others.push({ start, end, label });
    };
    const named = new Set(ctx.contract.parties.filter((p) => p.name).map((p) => p.role));
    for (const f of labelledFields(ctx.text)) {
      // A party named in the contract leaves its line in the signature block for the seal.
      const role = roleOfPartyWord(f.label.replace(/名称$|全称$/, ''));
      if (f.blank && !(role && named.has(role)))
        fields.push({ start: f.start, end: f.end, label: f.label });
    }
    // Underscore blanks come in order and apart from each other: only the fields can overlap them.
    for (const m of ctx.text.matchAll(UNDERSCORE)) {
      const start = m.index ?? 0;
      if (!overlapsField(start, start + m[0].length))
        others.push({ start, end: start + m[0].length, label: m[1] });
    }
    for (const r of ctx.penaltyRules.filter(
      (x) =>
        x.percent === null &&
        x.yuan === null &&
        x.kind !== 'actual_loss' &&
        !x.feeMonths &&
        !x.forfeitsBond &&
        !x.rateBenchmark,
    ))
      add(r.span.start, r.span.end, '违约金比例');
    return [...fields, ...others]
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
