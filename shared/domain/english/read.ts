/**
 * Contracts and NDAs written in English (REPORT.md: "Documents in English get the same fields:
 * parties (the first-named is `partyA`), dates, the confidentiality duration as worded, clause
 * categories"). Qiyue reads less of them than of Chinese contracts — no penalties, payments or
 * service levels — and the report says so (`limitations`).
 */
import type { Clause } from '../clauses/parse';
import type { NdaTerms } from '../nda/extract';
import type { ContractBlock, KeyTerm, Party } from '../terms/contract';
import { MONTHS, NUMBER_WORDS, ORG_NAME_END } from '../lexicon/english';

/** The language of a document's text: Chinese when a tenth of its letters are ideographs. */
export function detectLanguage(text: string): 'zh' | 'en' | 'other' {
  const sample = text.slice(0, 20000);
  const han = (sample.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const latin = (sample.match(/[A-Za-z]/g) ?? []).length;
  if (han === 0 && latin === 0) return 'other';
  if (han >= (han + latin) * 0.1) return 'zh';
  return latin > 200 ? 'en' : 'zh';
}

const DATE = new RegExp(
  `\\b(?:(${MONTHS.join('|')})\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:day\\s+of\\s+)?(${MONTHS.join('|')}),?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))\\b`,
  'i',
);

/** The first date of `text` as `YYYY-MM-DD`, with its offset, or null. */
function dateIn(text: string): { value: string; at: number; length: number } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  let y: number, mo: number, d: number;
  if (m[1]) [y, mo, d] = [Number(m[3]), MONTHS.indexOf(m[1].toLowerCase()) + 1, Number(m[2])];
  else if (m[5]) [y, mo, d] = [Number(m[6]), MONTHS.indexOf(m[5].toLowerCase()) + 1, Number(m[4])];
  else [y, mo, d] = [Number(m[7]), Number(m[8]), Number(m[9])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return { value: `${y}-${pad(mo)}-${pad(d)}`, at: m.index, length: m[0].length };
}

/** `by and between A … and B …`: the two parties, first-named first. */
const BETWEEN = new RegExp(
  `between\\s+(.{3,120}?${ORG_NAME_END.source})[\\s\\S]{0,200}?\\band\\s+(.{3,120}?${ORG_NAME_END.source})`,
  'i',
);

/** A confidentiality duration as worded: `for a period of five (5) years after termination`. */
const DURATION = new RegExp(
  `(?:for\\s+a\\s+period\\s+of|period\\s+of|for)\\s+((?:${NUMBER_WORDS.join('|')}|\\d+)(?:\\s*\\(\\d+\\))?\\s+(?:years?|months?)(?:\\s+(?:after|from|following)\\s+[^.;]{3,80})?)|\\b(indefinitely|in\\s+perpetuity|perpetual(?:ly)?)\\b`,
  'i',
);

/** What is read of an English document: the contract block, its key terms and its NDA record. */
export function readEnglish(
  text: string,
  clauses: Clause[],
): { contract: ContractBlock; terms: KeyTerm[]; ndaTerms: NdaTerms[] } {
  const terms: KeyTerm[] = [];
  const parties: Party[] = [];
  // The parties are named in the preamble; the search stays there (bounded on any input).
  const between = BETWEEN.exec(text.slice(0, 4000));
  if (between) {
    const names = [between[1], between[2]].map((n) =>
      n
        .replace(/^(?:the\s+)?/i, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    (['partyA', 'partyB'] as const).forEach((role, i) => {
      parties.push({ role, name: names[i], legalRepresentative: null, address: null, phone: null });
      const at = text.indexOf(names[i], between.index);
      terms.push({
        key: `${role}.name`,
        label: role === 'partyA' ? 'Party A' : 'Party B',
        value: names[i],
        span: { start: at, end: at + names[i].length },
        clauseId: null,
      });
    });
  }
  const dated = /(?:dated|made|entered\s+into|effective)(?:\s+as\s+of)?[^.\n]{0,40}?/i.exec(text);
  const date = dated
    ? dateIn(text.slice(dated.index, dated.index + 120))
    : dateIn(text.slice(0, 2000));
  const signedAt = date ? (dated ? dated.index : 0) + date.at : -1;
  if (date) {
    terms.push({
      key: 'signedOn',
      label: 'Date',
      value: date.value,
      span: { start: signedAt, end: signedAt + date.length },
      clauseId: null,
    });
  }
  const ndaTerms: NdaTerms[] = [];
  const conf = clauses.filter((c) => c.category === 'confidentiality');
  const region = conf.length ? conf : [{ start: 0, end: text.length, id: '' } as Clause];
  for (const c of region) {
    const m = DURATION.exec(text.slice(c.start, c.end));
    if (!m) continue;
    const start = c.start + m.index;
    const value = (m[1] ?? m[2]).replace(/\s+/g, ' ').trim();
    const span = { start, end: start + m[0].length };
    ndaTerms.push({
      id: 'n1',
      source: /non-?disclosure|confidentiality\s+agreement/i.test(text.slice(0, 300))
        ? 'agreement'
        : 'contract_clause',
      title: 'Confidentiality',
      clauseIds: conf.map((x) => x.id),
      recipientName: null,
      scope: null,
      recipients: null,
      duration: { value, text: m[0], span },
      returnDeadlineDays: null,
      breachNoticeHours: null,
      compelledDisclosureNoticeDays: null,
      survival: null,
      penaltyRuleIds: [],
      span,
    });
    break;
  }
  const title = /^\s*([A-Z][A-Za-z &-]{3,80}(?:AGREEMENT|Agreement|CONTRACT|Contract))\s*$/m.exec(
    text.slice(0, 1500),
  );
  return {
    contract: {
      title: title ? title[1].trim() : null,
      contractNumbers: [],
      projectNumbers: [],
      parties,
      signedOn: date?.value ?? null,
      servicePeriod: null,
      totalAmount: null,
      performanceBond: null,
      paymentInstallments: [],
    },
    terms,
    ndaTerms,
  };
}

/** The limitation a report of an English document carries, in Chinese and English. */
export const ENGLISH_LIMITATION =
  '英文文件：仅读取当事人、日期、保密期限和条款分类，违约金、付款与服务时效未读取 (English document: only the parties, dates, the confidentiality duration and clause categories are read; penalties, payments and service levels are not)';
