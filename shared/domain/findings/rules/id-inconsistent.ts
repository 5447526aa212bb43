/**
 * `id.inconsistent`: one identifier (项目编号 / 采购编号 / 合同编号) written two different ways,
 * e.g. `NMGZC-G-F-260201` and `NMGZC-G-F-26020`: same kind of number, one a prefix of the other
 * or at most two characters apart.
 */
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, editDistance, quoteOf } from '../util';

const KINDS: [string, RegExp][] = [
  [
    'project',
    /(?:项目编号|采购编号|项目编码|采购项目编号|招标编号)\s*[：:]?\s*([A-Za-z0-9][A-Za-z0-9\-_/]{4,}[A-Za-z0-9])/g,
  ],
  [
    'contract',
    /(?:合同编号|合同号)[^：:\n]{0,8}[：:]?\s*([A-Za-z0-9][A-Za-z0-9\-_/]{4,}[A-Za-z0-9])/g,
  ],
];

export const idInconsistent: FindingRule = {
  id: 'id.inconsistent',
  description: '同一编号前后写法不一致 (an identifier written two ways)',
  check(ctx) {
    const out: Finding[] = [];
    for (const [kind, re] of KINDS) {
      const seen: { value: string; start: number; end: number }[] = [];
      for (const m of ctx.text.matchAll(re)) {
        const start = (m.index ?? 0) + m[0].length - m[1].length;
        seen.push({ value: m[1], start, end: start + m[1].length });
      }
      const reported = new Set<string>();
      for (let i = 0; i < seen.length; i++)
        for (let j = i + 1; j < seen.length; j++) {
          const a = seen[i];
          const b = seen[j];
          if (a.value === b.value) continue;
          const similar =
            a.value.startsWith(b.value) ||
            b.value.startsWith(a.value) ||
            editDistance(a.value, b.value) <= 2;
          const key = [a.value, b.value].sort().join('|');
          if (!similar || reported.has(key)) continue;
          reported.add(key);
          const spans = [
            { start: a.start, end: a.end },
            { start: b.start, end: b.end },
          ];
          out.push({
            ruleId: this.id,
            severity: 'medium',
            message: `${kind === 'project' ? '项目编号' : '合同编号'}前后写法不一致：“${a.value}”与“${b.value}”`,
            messageEn: `The ${kind} number is written two ways: "${a.value}" and "${b.value}"`,
            clauseIds: clauseIdsOf(ctx, spans),
            quote: quoteOf(ctx.text, spans),
            spans,
          });
        }
    }
    return out;
  },
};
