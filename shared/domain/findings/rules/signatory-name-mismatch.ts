/**
 * `signatory.name-mismatch`: a person's name that differs between where they are named and
 * where they sign — the same party's representative written with one character changed
 * (`范遵` / `范海`, `王为昌` / `王伟昌`). Entirely different names are not flagged: a contract may
 * be signed by an authorised representative (授权代表) other than the legal representative.
 */
import { PARTY_WORD_SOURCE } from '../../lexicon/parties';
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, editDistance, quoteOf } from '../util';

type Role = 'partyA' | 'partyB';

interface NameAt {
  role: Role;
  name: string;
  start: number;
  end: number;
}

const ROLE_LABEL = new RegExp(`^(${PARTY_WORD_SOURCE})`);
const PERSON = '([\\u4e00-\\u9fff]{2,4})';
const NAMED = [
  new RegExp(
    `(?:法定代表人|法人代表人|法人代表|法定代表)(?:或授权代表|或授权代理人)?(?:[（(]签字[)）])?\\s*[：:]?\\s*${PERSON}(?=\\s|$|[（(，。])`,
  ),
  new RegExp(
    `(?:授权代表|代表人|签字人|签署人)(?:[（(]签字[)）])?\\s*[：:]\\s*${PERSON}(?=\\s|$|[（(，。])`,
  ),
];
const PERSON_PARTY = new RegExp(`^(甲\\s*方|乙\\s*方)\\s*[：:]\\s*${PERSON}\\s*$`);
const ORG = /(公司|中心|局|厅|院|委员会|集团|所|馆|部|社|会|队|校|行|厂|店|室|处|站)$/;

function roleOf(label: string): Role {
  return /甲|采购/.test(label) ? 'partyA' : 'partyB';
}

/** Every person's name tied to a party: legal representatives, signatories, a personal party. */
export function namesByRole(text: string): NameAt[] {
  const out: NameAt[] = [];
  let role: Role | null = null;
  let pos = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    const label = ROLE_LABEL.exec(line);
    if (label) role = roleOf(label[1]);
    const person = PERSON_PARTY.exec(line);
    if (person && !ORG.test(person[2]) && !/^(?:盖章|签字|签章)/.test(person[2])) {
      const s = pos + lead + line.lastIndexOf(person[2]);
      out.push({ role: roleOf(person[1]), name: person[2], start: s, end: s + person[2].length });
    } else if (role) {
      for (const re of NAMED) {
        const m = re.exec(line);
        if (!m || /^(?:签字|盖章|签章|或授权)/.test(m[1])) continue;
        const s = pos + lead + (m.index ?? 0) + m[0].lastIndexOf(m[1]);
        out.push({ role, name: m[1], start: s, end: s + m[1].length });
        break;
      }
    }
    pos += raw.length + 1;
  }
  return out;
}

export const signatoryNameMismatch: FindingRule = {
  id: 'signatory.name-mismatch',
  description: '同一方签字人姓名前后不一致 (a signatory’s name written two ways)',
  check(ctx) {
    const out: Finding[] = [];
    const names = namesByRole(ctx.text);
    const reported = new Set<string>();
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++) {
        const a = names[i];
        const b = names[j];
        if (a.role !== b.role || a.name === b.name || a.name.length !== b.name.length) continue;
        if (a.name[0] !== b.name[0] || editDistance(a.name, b.name) !== 1) continue;
        const key = `${a.role}|${[a.name, b.name].sort().join('|')}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const spans = [
          { start: a.start, end: a.end },
          { start: b.start, end: b.end },
        ];
        const party = a.role === 'partyA' ? '甲方' : '乙方';
        out.push({
          ruleId: this.id,
          severity: 'medium',
          message: `${party}人员姓名前后不一致：“${a.name}”与“${b.name}”，请核对签字人`,
          messageEn: `The ${a.role} person's name differs: "${a.name}" and "${b.name}"; check the signatory`,
          clauseIds: clauseIdsOf(ctx, spans),
          quote: quoteOf(ctx.text, spans),
          spans,
        });
      }
    return out;
  },
};
