/** Contract and project numbers, the title and the signing date (REPORT.md `contract`). */
import type { Clause } from '../clauses/parse';
import { startsWithHeadingNumber } from '../clauses/numbering';
import { PARTY_WORD_SOURCE } from '../lexicon/parties';
import { isPartHeading } from '../scope/contract-part';
import { findDates } from '../recognize/dates';
import { type Span } from './contract';
import { type Line } from './text-lines';

const NUMBER_TOKEN = new RegExp(
  `^[【\\[]?\\s*([^\\s，。；;,：:、]{2,40}?)\\s*[】\\]]?(?=$|[\\s，。；;,、]|项目名称|${PARTY_WORD_SOURCE})`,
);

/** Reads the identifier at the start of `rest` (text after a label's colon), or null. */
function numberToken(rest: string): { value: string; offset: number } | null {
  const m = NUMBER_TOKEN.exec(rest);
  if (!m || !/\d/.test(m[1]) || /[_＿]{2,}/.test(m[1])) return null;
  // Brackets around the whole number are not part of it; inside it (`[2026]0088`) they are.
  let value = m[1];
  let offset = m[0].indexOf(m[1]);
  const opened = /^[【\[]/.exec(m[0]);
  if (opened && /[】\]]/.test(value)) {
    value = opened[0] + value; // `[2026]0088`: the bracket belongs to the number
    offset = 0;
  }
  // `SZ-2026-015号`: the counter 号 after a Latin-letter number is not part of it.
  if (/^[A-Za-z0-9\-_/]+号$/.test(value)) value = value.slice(0, -1);
  if (/[\u4e00-\u9fff]{3,}$/.test(value.replace(/第?\d+号$/, ''))) return null; // words, not a number
  return { value, offset };
}

export function extractNumbers(text: string, label: RegExp): { value: string; span: Span }[] {
  const out: { value: string; span: Span }[] = [];
  const re = new RegExp(`(?:${label.source})[^：:\\n]{0,8}[：:]\\s*`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = m.index + m[0].length;
    const token = numberToken(text.slice(after, after + 60));
    if (!token) continue;
    const s = after + token.offset;
    if (!out.some((o) => o.value === token.value))
      out.push({ value: token.value, span: { start: s, end: s + token.value.length } });
  }
  return out;
}

export function extractTitle(lines: Line[]): { value: string; span: Span } | null {
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const t = lines[i].text.trim();
    // The title left as a placeholder (`[合同中心-合同名称]`): the contract has no title yet.
    if (/^[[{【]+[^[\]{}【】]*(?:合同名称|项目名称)[^[\]{}【】]*[\]}】]+$/.test(t)) return null;
    // A title may end with a qualifier: `政府采购合同（服务类）`, `运维服务合同(2025版)`; a
    // chapter heading (`第五章 采购合同`) or a numbered definition (`1.1.1合同`) is not one.
    if (
      !/(合同|协议|合同书|协议书|承诺书|责任书)(?:[（(][^（()）]{1,12}[)）])?$/.test(t) ||
      /[：:。；]/.test(t) ||
      t.length > 80 ||
      isPartHeading(t) ||
      startsWithHeadingNumber(t)
    )
      continue;
    let startLine = i;
    let title = t;
    // Title lines above it (a title broken over several lines).
    while (startLine > 0) {
      const prev = lines[startLine - 1].text.trim();
      if (
        !prev ||
        /[：:。；，]/.test(prev) ||
        prev.length > 40 ||
        !/[\u4e00-\u9fff]{2}/.test(prev) ||
        startsWithHeadingNumber(prev) ||
        isPartHeading(prev) ||
        /^[（(][^（()）]*[)）]$/.test(prev)
      )
        break;
      title = prev + title;
      startLine--;
    }
    return {
      value: title,
      span: { start: lines[startLine].start, end: lines[i].start + lines[i].text.length },
    };
  }
  return null;
}

export function extractSignedOn(
  text: string,
  clauses: Clause[],
): { value: string; span: Span } | null {
  const labeled = /(?:签订|签约|签署|签字)(?:日期|时间)\s*[：:]?\s*/g;
  for (let m = labeled.exec(text); m; m = labeled.exec(text)) {
    const after = m.index + m[0].length;
    const d = findDates(text.slice(after, after + 24), after)[0];
    if (d && d.start - after <= 2 && d.iso)
      return { value: d.iso, span: { start: d.start, end: d.end } };
  }
  // A sentence that says where and when it was signed: `本合同于2025年3月18日在北京签订`.
  const signedIn = /(?:本合同|本协议|双方)(?:于|在)\s*$/;
  for (const d of findDates(text, 0)) {
    if (!d.iso || !signedIn.test(text.slice(Math.max(0, d.start - 8), d.start))) continue;
    if (/^[^，。；\n]{0,16}?(?:签订|签署|订立|签字)/.test(text.slice(d.end, d.end + 20)))
      return { value: d.iso, span: { start: d.start, end: d.end } };
  }
  // A signature block: the first complete date after 以下无正文.
  for (const c of clauses.filter((c) => c.heading === '签署页')) {
    const d = findDates(text.slice(c.start, c.end), c.start).find((x) => x.iso);
    if (d) return { value: d.iso!, span: { start: d.start, end: d.end } };
  }
  // A signature block without that line: after the parties' seals (`甲方（盖章）：`) in the last
  // third of the document, the date written against `日期：`.
  const seal = /(?:盖章|签章|公章|签字|签名)\s*[)）]?\s*[：:]/g;
  seal.lastIndex = Math.floor(text.length * 0.66);
  const sealAt = seal.exec(text);
  if (sealAt) {
    const dated = /(?:^|[\s　])(?:日期|时间)\s*[：:]\s*/gm;
    dated.lastIndex = sealAt.index;
    for (let m = dated.exec(text); m; m = dated.exec(text)) {
      const after = m.index + m[0].length;
      const d = findDates(text.slice(after, after + 24), after)[0];
      if (d && d.start === after && d.iso)
        return { value: d.iso, span: { start: d.start, end: d.end } };
    }
  }
  return null;
}

/** The line of a sentence that states the period (the one naming it, else the last). */
