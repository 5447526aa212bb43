/**
 * `party.name-mismatch`: a contracting party (an organisation) named one way where the parties
 * are introduced and another way elsewhere — in an attached agreement, a later clause — e.g.
 * `某市大数据管理局` / `某市大数据发展管理局`. Where the other name is the one the party seals or
 * signs under (`甲方（盖章）：X`, `甲方：X（盖章）`), the finding is REPORT.md's
 * `signatory.name-mismatch`: the name differs between where the party (a legal person) is named
 * and where it signs, and the signature binds the entity named there. Persons (a personal NDA's
 * `乙方：王为昌`, a 法定代表人) are `signatory-name-mismatch.ts`'s; blanks are `field.blank`'s.
 */
import { PARTY_WORD_SOURCE } from '../../lexicon/parties';
import { labelRole } from '../../resolve/parties';
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, quoteOf } from '../util';

const LABEL = new RegExp(
  `^(${PARTY_WORD_SOURCE})(?:\\s*[（(]([^）)]{1,10})[)）])?\\s*[：:]\\s*(.+)$`,
);
const ORG = /(公司|中心|局|厅|院|委员会|集团|所|馆|部|社|会|队|校|行|厂|处|站|办公室|政府)$/;

/** The name as an entity: no seal marks, spaces or bracket variants. */
function normalize(name: string): string {
  return name
    .replace(/[（(](?:盖章|公章|签章|章|签字|盖公章)[)）]/g, '')
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[，。；;,.]+$/, '');
}

/**
 * Whether two names are one entity: equal, or one is the other with the region it stands in put
 * before it (`新疆维吾尔自治区阿克苏地区数字化发展局` / `阿克苏地区数字化发展局`). A branch
 * (`…有限公司上海分公司`) is another entity.
 */
function sameEntity(a: string, b: string): boolean {
  if (a === b) return true;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return (
    long.endsWith(short) && /(?:省|自治区|市|州|地区|盟|县|区)$/.test(long.slice(0, -short.length))
  );
}

interface Named {
  role: 'partyA' | 'partyB';
  name: string;
  start: number;
  end: number;
  /** Named where the party seals or signs (a seal mark in its label or after the name). */
  signs: boolean;
}

/** Marks of a seal or signature after a party label or a name: `（盖章）`, `(公章)`, `（签字）`. */
const SIGNS = /[（(](?:盖章|公章|签章|章|签字|盖公章|签字盖章|签章处)[)）]/;

/** Every organisation named against a party label, in document order. */
function namedParties(text: string): Named[] {
  const out: Named[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    // Two parties side by side at the seals: `甲方（盖章）：X\t乙方（盖章）：Y`.
    let offset = 0;
    for (const part of line.split(/(\t| {2,})/)) {
      const m = LABEL.exec(part.trim());
      const at = pos + offset + (part.length - part.trimStart().length);
      offset += part.length;
      if (!m) continue;
      const role = labelRole(m[1], m[2]);
      const name = normalize(m[3]);
      if (!role) continue;
      if (!ORG.test(name) || name.length > 40 || /[：:_＿]/.test(name)) continue;
      const start = at + part.trim().lastIndexOf(m[3].trim());
      const signs = SIGNS.test(`（${m[2] ?? ''}）`) || SIGNS.test(m[3]);
      out.push({ role, name, start, end: start + m[3].trim().length, signs });
    }
    pos += line.length + 1;
  }
  return out;
}

export const partyNameMismatch: FindingRule = {
  id: 'party.name-mismatch',
  description: '当事人名称前后不一致 (a party named differently in different places)',
  check(ctx) {
    const out: Finding[] = [];
    const named = namedParties(ctx.text);
    for (const role of ['partyA', 'partyB'] as const) {
      const all = named.filter((n) => n.role === role);
      const first = all[0];
      if (!first) continue;
      const reported = new Set<string>();
      for (const other of all.slice(1)) {
        if (sameEntity(other.name, first.name) || reported.has(other.name)) continue;
        reported.add(other.name);
        const spans = [
          { start: first.start, end: first.end },
          { start: other.start, end: other.end },
        ];
        const party = role === 'partyA' ? '甲方' : '乙方';
        const who = role === 'partyA' ? 'purchaser' : 'supplier';
        out.push({
          ruleId: other.signs ? 'signatory.name-mismatch' : this.id,
          severity: 'medium',
          message: other.signs
            ? `${party}签章处的名称与合同首部不一致：“${first.name}”与“${other.name}”，请核对签约主体`
            : `${party}名称前后不一致：“${first.name}”与“${other.name}”，请核对签约主体`,
          messageEn: other.signs
            ? `The ${who} signs as "${other.name}" but is named "${first.name}"`
            : `The ${who} is named "${first.name}" and "${other.name}"`,
          clauseIds: clauseIdsOf(ctx, spans),
          quote: quoteOf(ctx.text, spans),
          spans,
        });
      }
    }
    return out;
  },
};
