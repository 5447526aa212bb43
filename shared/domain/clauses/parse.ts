/**
 * Clause structure: a tree built from the numbering at the start of lines. Numbering styles
 * nest in whatever order a contract uses them: a style not yet open starts a deeper level
 * (when it starts at 1), a style already open closes everything below it. Numbers that do not
 * continue their sequence are body text, not clauses (a stray `3.` in a sentence).
 */
import { MAIN_PARTY_SOURCE, PARTY_WORD_SOURCE } from '../lexicon/parties';
import type { SourceDocument } from '../document';
import { categorize, type ClauseCategory } from './categories';
import { matchNumbering, type Numbering, type NumberingStyle } from './numbering';
import { COUNT_CHARS } from '../lexicon/numerals';

/** A clause of the contract: offsets into the document's text, subtree in `[start, end)`. */
export interface Clause {
  id: string;
  parentId: string | null;
  /** Depth in the tree, 0 for top-level clauses. */
  level: number;
  /** The path of labels, e.g. `十二、（四）`; empty for the preamble and signature block. */
  number: string;
  /** This clause's own label, e.g. `（四）`. */
  label: string;
  heading: string;
  category: ClauseCategory;
  /** Offset of the clause's first line. */
  start: number;
  /** Offset where the clause's own text ends (its first child, or `end`). */
  ownEnd: number;
  /** Offset where its subtree ends. */
  end: number;
}

/** Topics that a clause without a heading takes from its first words even inside another topic. */
const STRONG_TOPICS: ClauseCategory[] = [
  'force_majeure',
  'dispute_resolution',
  'confidentiality',
  'intellectual_property',
  'performance_bond',
  'data_security',
  'acceptance',
  'termination',
];
const DOCUMENT_TITLE = new RegExp(
  String.raw`^(?![\d${COUNT_CHARS}]+[、.．])[^，。；：:,;]{2,40}(?:协议|协议书|承诺书|保证书)$`,
);
const PENALTY_TEXT = /违约金|承担违约责任|赔偿[^。；]{0,20}损失/;
const STRONG: NumberingStyle[] = ['chapter', 'article', 'cn', 'annex', 'phase'];
/**
 * A field of the parties' or the contract's particulars left empty (`合同编号：`,
 * `乙方（供应商）：`, `法定代表人：`): a blank to fill in, not a heading.
 */
const FIELD_LABEL = new RegExp(
  `^(?:合同编号|合同名称|项目名称|项目编号|采购编号|采购项目编号|(?:${PARTY_WORD_SOURCE})(?:[（(][^)）]{1,8}[)）])?(?:名称)?|(?:${MAIN_PARTY_SOURCE})?(?:地址|通讯地址|通信地址|住所|电话|联系电话|手机|传真|邮编|邮政编码|联系人|法定代表人|负责人|授权代表|委托代理人|开户银行|开户行|开户名称|账号|银行账号|统一社会信用代码|签订日期|签订地点|签约地点|日期))$`,
);

/**
 * A line of a table of contents (目录): a heading, then dot leaders, an ellipsis or a tab, then a
 * page number (`第一章 招标公告 ........ 1`). Tenders and model contracts open with one; its
 * entries are not clauses.
 */
// Each leader run starts where its run starts (lookbehinds): linear on a line of 100,000 `_`.
const TOC_ENTRY = /(?:(?<!\.)\.{3,}|(?<!…)…+|(?<!·)·{3,}|(?<!-)-{4,}|(?<!_)_{4,}|\t)\s*\d{1,4}\s*$/;
const END_OF_BODY = /^[-—–\s(（]*(?:以下无正文|本页无正文|以下为签[字章署]|签字页|签章页)/;

interface Open {
  style: NumberingStyle;
  value: number;
  clause: Clause;
}

function splitHeading(n: Numbering, nextLine: string | undefined): string {
  const rest = n.rest.trim();
  if (n.style === 'label') return rest;
  if (!rest) {
    if (n.style === 'annex' && nextLine && nextLine.length <= 40 && !/[。；：:]/.test(nextLine))
      return nextLine;
    return '';
  }
  if (rest.length <= 30 && !/[。；;，,]/.test(rest.replace(/[：:]$/, '')))
    return rest.replace(/[：:]$/, '');
  const colon = /^([^，,。；;：:]{2,16})[：:]/.exec(rest);
  if (colon) return colon[1];
  return '';
}

/**
 * Parses the clause tree of a document.
 * @returns clauses in document order (parents before children); the first is the preamble
 *   (`首部`, category `parties`) when the document has text before its first clause
 */
export function parseClauses(doc: SourceDocument): Clause[] {
  const text = doc.text;
  const lines: { start: number; end: number; text: string }[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    // A list bullet a PDF or DOCX converter left before the number (`• 1、保密协议`) is not text.
    lines.push({
      start: pos,
      end: pos + raw.length,
      text: raw.trim().replace(/^[•·●○■□◆▪]\s*/, ''),
    });
    pos += raw.length + 1;
  }
  const clauses: Clause[] = [];
  let stack: Open[] = [];
  let counter = 0;
  const newClause = (
    start: number,
    level: number,
    parent: Clause | null,
    label: string,
    heading: string,
    lead: string,
  ): Clause => {
    const dotted = /^\d+[.．]\d/.test(label);
    const prefix = parent ? (dotted ? parent.number.replace(/[\d.．]+$/, '') : parent.number) : '';
    const number = prefix + label;
    const fromLead = heading ? null : categorize(lead.slice(0, 24));

    const generic =
      !parent || ['other', 'parties', 'annex', 'effectiveness'].includes(parent.category);
    const category =
      categorize(heading) ??
      (fromLead && (generic || STRONG_TOPICS.includes(fromLead)) ? fromLead : null) ??
      (parent && parent.category === 'annex' && /保密/.test(parent.heading)
        ? 'confidentiality'
        : parent?.category) ??
      'other';
    const clause: Clause = {
      id: `c${counter++}`,
      parentId: parent?.id ?? null,
      level,
      number,
      label,
      heading,
      category,
      start,
      ownEnd: text.length,
      end: text.length,
    };
    clauses.push(clause);
    return clause;
  };

  if (lines.length && !matchNumbering(lines[0].text)) {
    newClause(0, 0, null, '', '首部', '');
    clauses[0].category = 'parties';
  }

  let afterBody = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.text) continue;
    if (END_OF_BODY.test(line.text) && !afterBody) {
      stack = [];
      afterBody = true;
      const c = newClause(line.start, 0, null, '', '签署页', '');
      c.category = 'parties';
      continue;
    }
    if (TOC_ENTRY.test(line.text)) continue;
    const found = matchNumbering(line.text);
    const n = found?.style === 'label' && FIELD_LABEL.test(found.rest) ? null : found;
    if (!n) {
      // The title of an attached document (`保密协议`, `个人保密协议`) starts a new top-level part,
      // like an annex, unless it only names the annex that was just opened.
      const top = stack[0]?.clause ?? clauses[clauses.length - 1];
      if (
        DOCUMENT_TITLE.test(line.text) &&
        clauses.some((c) => c.label) &&
        !(top && top.category === 'annex' && top.heading === line.text)
      ) {
        stack = [];
        afterBody = false;
        const c = newClause(line.start, 0, null, '', line.text, '');
        c.category = 'annex';
        stack.push({ style: 'annex', value: 0, clause: c });
      }
      continue;
    }
    if (n.style === 'annex') {
      stack = [];
      afterBody = false;
    } else if (afterBody) {
      continue;
    }
    const k = stack.findIndex((o) => o.style === n.style);
    let parentDepth: number;
    if (n.style === 'annex') parentDepth = 0;
    else if (k >= 0) {
      const last = stack[k].value;
      // A number written twice by mistake (`五、停止使用` then `五、法律适用和争议解决`) is still a
      // clause when it opens a heading.
      const repeated =
        n.value === last && STRONG.includes(n.style) && splitHeading(n, undefined).length > 0;
      const plausible =
        n.style === 'label' ||
        n.value === last + 1 ||
        n.value === 1 ||
        repeated ||
        (n.value > last && n.value - last <= 3);
      if (!plausible) continue;
      parentDepth = k;
    } else {
      const plausible =
        n.style === 'label' || n.value === 1 || STRONG.includes(n.style) || stack.length === 0;
      if (!plausible) continue;
      parentDepth = stack.length;
    }
    stack = stack.slice(0, parentDepth);
    const parent = stack.length ? stack[stack.length - 1].clause : null;
    let j = i + 1;
    while (j < lines.length && !lines[j].text) j++;
    const next = lines[j]?.text;
    const heading = splitHeading(n, next);
    const clause = newClause(line.start, stack.length, parent, n.raw, heading, n.rest);
    if (n.style === 'annex') clause.category = 'annex';
    if (n.style === 'phase') clause.category = 'payment';
    stack.push({ style: n.style, value: n.value, clause });
  }

  // Subtree ends: a clause ends where the next clause at its level or above begins — in one pass,
  // with the clauses still open on a stack of increasing levels.
  const open: Clause[] = [];
  for (const d of clauses) {
    while (open.length && open[open.length - 1].level >= d.level) open.pop()!.end = d.start;
    open.push(d);
  }
  for (const c of open) c.end = text.length;
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    const firstChild = clauses[i + 1] && clauses[i + 1].parentId === c.id ? clauses[i + 1] : null;
    c.ownEnd = firstChild ? firstChild.start : Math.min(c.end, clauses[i + 1]?.start ?? c.end);
    // A clause without a heading that stipulates liquidated damages is a liability clause,
    // wherever it stands (e.g. a numbered item under 服务内容).
    if (
      !c.heading &&
      c.level > 0 &&
      !STRONG_TOPICS.includes(c.category) &&
      PENALTY_TEXT.test(text.slice(c.start, c.ownEnd))
    )
      c.category = 'liability';
  }
  // The preamble and signature block are top level and end at the next clause of any level.
  return clauses;
}

/** The clause with the smallest subtree that contains `offset`, or null. */
export function clauseAt(clauses: Clause[], offset: number): Clause | null {
  let best: Clause | null = null;
  for (const c of clauses) {
    if (offset >= c.start && offset < c.end && (!best || c.level >= best.level)) best = c;
  }
  return best;
}
