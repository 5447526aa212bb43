/**
 * Who must act on a duty: the party that "shall" in the phrase, one right after it, the last one
 * before it, the supplier for service-content clauses, or the party a list of duties is introduced
 * with.
 */
import type { Clause } from '../clauses/parse';
import { ANY_PARTY_SOURCE, type PartyRole } from '../lexicon/parties';
import type { Roles } from '../resolve/parties';

const PARTY_RE = new RegExp(`(${ANY_PARTY_SOURCE})`, 'g');
const SHALL_RE = new RegExp(`(${ANY_PARTY_SOURCE})(?=\\s*(?:应当|应|须|需|必须|负责|承诺))`);
const NEXT_RE = new RegExp(
  `^[，,]?\\s*(?:由)?(${ANY_PARTY_SOURCE})\\s*(?:应|须|需|必须|负责|将|在|于|对|进行|组织)`,
);

export function subjectIn(text: string): string | null {
  // A party that "shall" (`甲方应在收到乙方提交的…后…组织验收`) is the subject, whatever parties
  // the rest of the phrase names.
  const shall = SHALL_RE.exec(text);
  if (shall) return shall[1];
  let last: string | null = null;
  for (const m of text.matchAll(PARTY_RE)) {
    // A party after 向/给/提交/通知… is the recipient, not the one who acts.
    const prev = text.slice(Math.max(0, (m.index ?? 0) - 2), m.index);
    if (!/(?:[向给对与经让]|提交|通知|告知|报送|报告|协助|配合|交付|移交)$/.test(prev)) last = m[1];
  }
  return last;
}

/**
 * The party that must act: a subject in the phrase itself, else one that follows it
 * (`服务期满后30日内，甲方应组织验收`), else the last one before it in the sentence, else the
 * supplier for service-content clauses.
 */
/**
 * The party a list of duties is introduced with (`乙方在本项目中主要承担的工作包括：`, `乙方的义务：`):
 * the last line before `at`, within its clause and 2,000 characters, that ends with a colon and
 * names a party who acts.
 */
export function listIntroParty(text: string, at: number, clause: Clause | null): string | null {
  const from = Math.max(clause?.start ?? 0, at - 2000);
  // Line by line backwards from the one `at` stands in, without copying the stretch.
  let end = text.lastIndexOf('\n', at - 1);
  while (end > from) {
    const start = Math.max(from, text.lastIndexOf('\n', end - 1) + 1);
    const line = text.slice(start, end).trim();
    if (/[：:]$/.test(line)) return subjectIn(line);
    end = start - 1;
  }
  return null;
}

export function partyOf(
  phrase: string,
  before: string,
  after: string,
  clause: Clause | null,
  roles: Roles,
  intro: () => string | null = () => null,
): PartyRole | null {
  const own = subjectIn(phrase);
  if (own) return roles(own)[0] ?? null;
  const next = NEXT_RE.exec(after);
  if (next) return roles(next[1])[0] ?? null;
  const prev = subjectIn(before);
  if (prev) return roles(prev)[0] ?? null;
  if (
    clause &&
    ['scope', 'sla', 'personnel', 'data_security', 'annex', 'acceptance', 'kpi'].includes(
      clause.category,
    )
  )
    return 'partyB';
  const listed = intro();
  return listed ? (roles(listed)[0] ?? null) : null;
}
