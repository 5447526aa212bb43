/**
 * Who is who in a sentence: the party words of the document (`lexicon/parties.ts`) resolved to
 * `partyA` / `partyB`; the one reading of who pays an amount or a loss, whichever way the
 * sentence runs (REPORT.md "Who pays": `因乙方过错造成甲方损失的，甲方有权要求赔偿` → partyB),
 * used by penalty rules; and the one reading of who must act on a duty, used by obligations.
 */
import type { Clause } from '../clauses/parse';
import {
  ANY_PARTY_SOURCE,
  AGREEMENT_ROLE_WORDS,
  EITHER_PARTY_WORDS,
  MAIN_PARTY_SOURCE,
  roleOfPartyWord,
  type PartyRole,
} from '../lexicon/parties';

/** The other party. */
export const otherParty = (p: PartyRole): PartyRole => (p === 'partyA' ? 'partyB' : 'partyA');

/** The parties a party word of the document stands for (`乙方` → partyB; `接收方` → see {@link documentRoles}). */
export type Roles = (word: string) => PartyRole[];

const PARTY = `(${ANY_PARTY_SOURCE})`;
/** An adverb between a subject and its verb: `乙方还应`, `甲方仍须`, `乙方如未`. */
const ADVERB = '(?:还|也|均|仍|则|即|就|已|又|另|如|若|须|一旦|每|在)?';

/**
 * How a document names its parties beyond 甲方/乙方: an NDA's 披露方 (discloser) and 接收方 /
 * 接受方 (recipient) stand for the party they are tied to (`乙方（接收方）`, `接收方（乙方）`);
 * in a mutual NDA (`任何一方都可能是披露方`) for either party; otherwise, as in procurement, the
 * purchaser discloses and the supplier receives. A promisor (承诺人, 本人) is on the supplier's side.
 */
export function documentRoles(text: string): Roles {
  const key = (w: string) => w.replace('接受方', '接收方');
  const alias = new Map<string, PartyRole>();
  for (const m of text.matchAll(
    new RegExp(`(${MAIN_PARTY_SOURCE})\\s*[（(]\\s*(?:信息)?(披露方|接收方|接受方)\\s*[)）]`, 'g'),
  ))
    alias.set(key(m[2]), roleOfPartyWord(m[1])!);
  for (const m of text.matchAll(
    new RegExp(`(?:信息)?(披露方|接收方|接受方)\\s*[（(]\\s*(${MAIN_PARTY_SOURCE})\\s*[)）]`, 'g'),
  ))
    alias.set(key(m[1]), roleOfPartyWord(m[2])!);
  const mutual =
    /任何一方都?可能(?:是|为|成为)(?:披露方|接收方|接受方)|互为(?:披露方|接收方|接受方)/.test(text);
  return (raw) => {
    const word = raw.replace(/\s+/g, '');
    const role = roleOfPartyWord(word);
    if (role) return [role];
    if (word === '承诺人' || word === '本人') return ['partyB'];
    const tied = alias.get(key(word));
    if (tied) return [tied];
    if (mutual && /披露方|接收方|接受方/.test(word)) return ['partyA', 'partyB'];
    const agreed = AGREEMENT_ROLE_WORDS.find((w) => w.word === key(word));
    return agreed?.role ? [agreed.role] : [];
  };
}

/**
 * The cues of who pays, each a pattern over the words before an amount and what it says of the
 * party it names: `payer` (that party pays) or `payee` (the other one pays). The cue nearest the
 * amount wins.
 */
const PAYER_CUES: [RegExp, 'payer' | 'payee'][] = [
  // 要求乙方支付 / 要求乙方赔偿 / 由乙方承担
  [new RegExp(`(?:要求|责令|由)${PARTY}`, 'g'), 'payer'],
  // 向乙方追偿 / 向乙方收取 / 对乙方处以 / 对乙方的考核 (the one assessed bears the deductions)
  [
    new RegExp(
      `(?:向|对)${PARTY}(?:[^，。；]{0,6}?)(?:追偿|追索|收取|索赔|索取|处以|扣|考核)`,
      'g',
    ),
    'payer',
  ],
  // 向甲方支付 / 向甲方赔偿 / 向甲方承担
  [new RegExp(`向${PARTY}(?:[^，。；]{0,6}?)(?:支付|赔偿|承担|偿付|缴纳|返还|退还)`, 'g'), 'payee'],
  // 甲方有权扣除 / 甲方可从…中扣减 / 甲方有权没收 / 甲方有权要求赔偿
  [
    new RegExp(
      `${PARTY}(?:有权|可以|可|将|即可|得)[^，。；]{0,16}?(?:扣除|扣减|核减|扣罚|扣款|收取|没收|追偿|索赔|要求|主张|不予退还|处以)`,
      'g',
    ),
    'payee',
  ],
  // 甲方核减当月服务费的3% / 甲方扣除… (a deduction needs no 有权)
  [new RegExp(`${PARTY}(?:${ADVERB})(?:核减|扣减|扣除|扣罚|扣款|没收)`, 'g'), 'payee'],
  // 给甲方造成损失 / 致使甲方遭受损失
  [new RegExp(`(?:给|使|致|令|致使|导致|造成)${PARTY}[^，。；]{0,12}?(?:损失|损害)`, 'g'), 'payee'],
  // 乙方应… / 乙方须… / 乙方承担… / 乙方退还… / 乙方按… (not the relative clause `甲方支付的服务费`)
  [
    new RegExp(
      `(?<![向要求给对由使致令])${PARTY}(?=${ADVERB}(?:应|需|须|应当|应该|负责|自行|同意|愿意?|承担(?!的)|支付(?!的)|赔偿(?!的)|退还(?!的)|退回(?!的)|返还(?!的)|按|以))`,
      'g',
    ),
    'payer',
  ],
  // 因乙方过错 / 如乙方违约 / 乙方未按期 / 乙方逾期
  [
    new RegExp(
      `(?<![向要求给对由使致令])${PARTY}(?=${ADVERB}(?:的)?(?:过错|过失|原因|违约|违反|未|逾期|延期|迟延|延迟|延误|拖延|擅自|拒绝|存在|没有|不按|不能|无故|无正当理由|发生|出现))`,
      'g',
    ),
    'payer',
  ],
];

/** Words that make the liability fall on whichever party breaches (`违约方`, `任何一方`). */
const EITHER = new RegExp(
  `${EITHER_PARTY_WORDS.join('|')}|(?<![甲乙])双方(?=均|都|中任何|任何|违约|应|各自|无|未|擅自|一旦|如|若)`,
);
const COUNTERPART = /对方|守约方|另一方|非违约方/;

/**
 * Who pays the amount (or the loss) that stands between `before` and `after` in one sentence.
 * @param before the sentence's words before the amount (from the previous amount, if any)
 * @param after the words after it
 * @returns both parties for a clause binding either side (`违约方应向守约方支付`), else the party
 *   the nearest cue names (see {@link PAYER_CUES}), else `[]` when the sentence does not say
 */
export function whoPays(before: string, after: string, roles: Roles): PartyRole[] {
  const head = /^[^，。；]{0,14}/.exec(after)?.[0] ?? '';
  const asked = new RegExp(`要求${PARTY}`).exec(head);
  if (asked) return roles(asked[1]);
  const toward = new RegExp(`^[^，。；]{0,8}?向${PARTY}[^，。；]{0,6}?(?:支付|赔偿|承担)`).exec(
    head,
  );
  let best: { at: number; parties: PartyRole[] } | null = null;
  for (const [re, says] of PAYER_CUES) {
    for (const m of before.matchAll(re)) {
      const at = (m.index ?? 0) + m[0].length;
      if (best && at <= best.at) continue;
      const named = roles(m[1]);
      if (!named.length) continue;
      best = { at, parties: says === 'payer' ? named : [...new Set(named.map(otherParty))].sort() };
    }
  }
  if (EITHER.test(before) && (COUNTERPART.test(before + head) || !best)) {
    const named = best?.at ?? -1;
    const either = Math.max(
      ...[...before.matchAll(new RegExp(EITHER.source, 'g'))].map((m) => m.index ?? 0),
    );
    if (either >= named - 12) return ['partyA', 'partyB'];
  }
  if (best) return best.parties;
  if (toward) return [...new Set(roles(toward[1]).map(otherParty))].sort();
  return [];
}

/**
 * The role a party label stands for; a main party word in its brackets decides
 * (`委托人（甲方）` → partyA, `购买方（甲方）` → partyA, `乙方（受托方）` → partyB).
 */
export function labelRole(label: string, bracketed?: string): PartyRole | null {
  const main = bracketed ? new RegExp(MAIN_PARTY_SOURCE).exec(bracketed) : null;
  return roleOfPartyWord(main ? main[0] : label);
}

// Who acts.

const ANY_PARTY_RE = new RegExp(`(${ANY_PARTY_SOURCE})`, 'g');
const SHALL_RE = new RegExp(`(${ANY_PARTY_SOURCE})(?=\\s*(?:应当|应|须|需|必须|负责|承诺))`);
const NEXT_RE = new RegExp(
  `^[，,]?\\s*(?:由)?(${ANY_PARTY_SOURCE})\\s*(?:应|须|需|必须|负责|将|在|于|对|进行|组织)`,
);

/**
 * The party word of the one who acts in `text`: the party that "shall" (`甲方应在收到…后组织验收`),
 * else the last party named that is not a recipient (`向甲方提交` names the recipient).
 * @returns the word as written (`乙方`, `服务方`), or null when no party acts in `text`
 */
export function subjectIn(text: string): string | null {
  // A party that "shall" (`甲方应在收到乙方提交的…后…组织验收`) is the subject, whatever parties
  // the rest of the phrase names.
  const shall = SHALL_RE.exec(text);
  if (shall) return shall[1];
  let last: string | null = null;
  for (const m of text.matchAll(ANY_PARTY_RE)) {
    // A party after 向/给/提交/通知… is the recipient, not the one who acts.
    const prev = text.slice(Math.max(0, (m.index ?? 0) - 2), m.index);
    if (!/(?:[向给对与经让]|提交|通知|告知|报送|报告|协助|配合|交付|移交)$/.test(prev)) last = m[1];
  }
  return last;
}

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

/**
 * Who must act on the duty a phrase states: a subject in the phrase itself, else one right after
 * it (`服务期满后30日内，甲方应组织验收`), else the last one before it in the sentence, else the
 * supplier for service-content clauses (scope, sla, personnel, …), else the party the list of
 * duties was introduced with (`intro`, asked only then).
 * @returns the role, or null when the text does not say
 */
export function whoActs(
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
