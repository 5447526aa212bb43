/**
 * The contract part of a longer document. A tender (招标文件, 竞争性磋商文件) holds the contract
 * as one chapter (`第五章 合同条款及格式`, `第四卷 合同条款及格式`, `第六部分 合同条款格式及其他`);
 * REPORT.md ("What part of a document is the contract") reviews that chapter alone, with the
 * annexes it carries. This module finds the chapter from the document's part headings and labels
 * the rest of the document by kind (procedure, bidder forms, technical specification, evaluation).
 */
import {
  CONTRACT_PART_TITLE,
  NOT_CONTRACT_PART_TITLE,
  OUTER_PART_UNITS,
  PART_TITLES,
  PART_UNITS,
  TENDER_PART_TITLE,
  type DocumentPart,
} from '../lexicon/document-parts';
import { parseChineseInteger } from '../text/chinese-numerals';
import { COUNT_CHARS } from '../lexicon/numerals';

/** A part heading line: `第五章 合同条款及格式` → label `第五章`, unit `章`, number 5. */
export interface PartHeading {
  /** Offset of the heading line; `lineEnd` is the offset of its line break. */
  start: number;
  lineEnd: number;
  label: string;
  unit: string;
  number: number;
  /** The title after the label, e.g. `合同条款及格式` (may be empty: `第二卷`). */
  title: string;
}

/** A stretch of the document and what it is. `[start, end)` are offsets into the text. */
export interface PartSpan {
  kind: DocumentPart;
  start: number;
  end: number;
  /** The heading that opens it (`第四章 项目需求`), null for the cover before the first one. */
  heading: string | null;
}

/** The contract part of a tender: `[start, end)` of the text, its heading, and every part. */
export interface ContractScope {
  start: number;
  end: number;
  heading: string;
  parts: PartSpan[];
}

const HEADING = new RegExp(
  `^\\s*(第\\s*([${COUNT_CHARS}\\d]{1,4})\\s*(${PART_UNITS.join('|')}))\\s*(.*)$`,
);
/** Dot leaders, dashes or a tab before a page number: a table-of-contents entry, not a heading. */
// Each leader run starts where its run starts (lookbehinds): linear on a line of 100,000 `_`.
const TOC_TAIL =
  /(?:(?<!\.)\.{3,}|(?<!…)…+|(?<!·)·{3,}|(?<!-)-{4,}|(?<!—)—{2,}|(?<!_)_{4,}|\t)\s*\d{0,4}\s*$|(?<!\s)\s\d{1,4}\s*$/;
/** A body sentence that starts with a part reference (`第三章“评标办法”前附表应列明…`). */
const NOT_A_TITLE = /[。；;，,]|^[“"《（(的规中所]/;
/** Text between two entries of a list of chapter names is shorter than this (`本文件包括：`). */
const LIST_GAP_CHARS = 30;

/** Whether a line is a part heading (`第五章 采购合同`, `第一部分合同协议书`). */
export function isPartHeading(line: string): boolean {
  return line.length <= 60 && HEADING.test(line);
}

/** Every part heading line of the text, in order, tables of contents left out. */
export function partHeadings(text: string): PartHeading[] {
  const out: PartHeading[] = [];
  const lines = text.split('\n');
  let pos = 0;
  for (let i = 0; i < lines.length; pos += lines[i].length + 1, i++) {
    const line = lines[i];
    const m = line.length <= 60 ? HEADING.exec(line) : null;
    let title = m ? m[4].trim() : '';
    // `第六章` alone on its line, the title on the next (`投标文件有关格式`).
    const below = lines[i + 1]?.trim() ?? '';
    if (m && !title && below.length <= 30 && !HEADING.test(below) && !NOT_A_TITLE.test(below))
      title = below;
    if (m && title.length <= 40 && !NOT_A_TITLE.test(title) && !TOC_TAIL.test(line)) {
      const number = parseChineseInteger(m[2]);
      if (number !== null)
        out.push({
          start: pos,
          lineEnd: pos + line.length,
          label: m[1].replace(/\s+/g, ''),
          unit: m[3],
          number,
          title,
        });
    }
  }
  // A list of the chapters (a table of contents without page numbers, `本文件包括：第一章 …`):
  // headings that follow each other in number with next to no text between. Its entries are
  // not chapters; a real chapter that merely opens with such a list is one.
  const listPair = (i: number) => {
    const a = out[i];
    const b = out[i + 1];
    return (
      !!a &&
      !!b &&
      a.unit === b.unit &&
      b.number === a.number + 1 &&
      text.slice(a.lineEnd, b.start).replace(/\s+/g, '').length < LIST_GAP_CHARS
    );
  };
  return out.filter((_, i) => !listPair(i) && !(i >= 2 && listPair(i - 1) && listPair(i - 2)));
}

function kindOf(title: string): DocumentPart {
  if (CONTRACT_PART_TITLE.test(title) && !NOT_CONTRACT_PART_TITLE.test(title)) return 'contract';
  for (const [kind, re] of PART_TITLES) if (re.test(title)) return kind;
  return 'tender_procedure';
}

/**
 * Finds the contract part of a tender or of any document that holds a contract as a chapter.
 * The part runs from its heading to the next heading of the same unit with a higher number (or
 * of an enclosing unit, 卷 / 编), else to the end of the document.
 * @returns null when the document is a contract as a whole: no part heading names the contract,
 *   or no other part heading is a tender's (公告, 须知, 评标, 投标文件格式, 采购需求 …)
 */
export function findContractScope(text: string): ContractScope | null {
  const headings = partHeadings(text);
  const endOf = (h: PartHeading): number => {
    const next = headings.find(
      (o) =>
        o.start > h.start &&
        ((o.unit === h.unit && o.number > h.number) ||
          // A bare volume heading (`第二卷` before `第五章`) is the next chapter's title page.
          (OUTER_PART_UNITS.includes(o.unit) && !OUTER_PART_UNITS.includes(h.unit) && !!o.title)),
    );
    return next ? next.start : text.length;
  };
  const candidates = headings.filter((h) => kindOf(h.title) === 'contract');
  if (!candidates.length) return null;
  if (!headings.some((h) => kindOf(h.title) !== 'contract' && TENDER_PART_TITLE.test(h.title)))
    return null;
  const best = candidates
    .map((h) => ({ h, end: endOf(h) }))
    .reduce((a, b) => (b.end - b.h.start > a.end - a.h.start ? b : a));
  const parts: PartSpan[] = [];
  const top = headings.filter(
    (h) => h.unit === best.h.unit || OUTER_PART_UNITS.includes(h.unit) || h === best.h,
  );
  let cursor = 0;
  const push = (kind: DocumentPart, start: number, end: number, heading: string | null) => {
    if (end > start) parts.push({ kind, start, end, heading });
  };
  for (let i = 0; i < top.length; i++) {
    const h = top[i];
    if (h.start < cursor) continue;
    if (!parts.length) push('tender_procedure', 0, h.start, null);
    const heading = `${h.label} ${h.title}`.trim();
    if (h === best.h) {
      push('contract', h.start, best.end, heading);
      cursor = best.end;
    } else {
      const end = top.find((o) => o.start > h.start)?.start ?? text.length;
      const stop = h.start < best.h.start ? Math.min(end, best.h.start) : end;
      push(
        kindOf(h.title) === 'contract' ? 'tender_procedure' : kindOf(h.title),
        h.start,
        stop,
        heading,
      );
      cursor = stop;
    }
  }
  return {
    start: best.h.start,
    end: best.end,
    heading: `${best.h.label} ${best.h.title}`.trim(),
    parts,
  };
}
