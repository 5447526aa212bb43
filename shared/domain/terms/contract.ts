/**
 * The `contract` block of REPORT.md: title, contract and project numbers, parties, signing
 * date, service period (服务期限), total amount with its 大写 form and tax split, performance
 * bond (履约保证金) and payment installments (分期付款). Every value keeps the offsets of the
 * text it was read from, so the app can show it in the PDF.
 */
import { hasPlaceholder, isBlankValue as isBlank } from '../recognize/blanks';
import Decimal from 'decimal.js';
import type { Clause } from '../clauses/parse';
import { clauseAt } from '../clauses/parse';
import { parseChineseInteger } from '../text/chinese-numerals';
import { startsWithHeadingNumber } from '../clauses/numbering';
import { isHeadingLine, sentenceSpans } from '../text/sentences';
import { squeeze } from '../text/squeeze';
import { labelRole } from '../resolve/parties';
import {
  MAIN_PARTY_SOURCE,
  PARTY_A_SOURCE,
  PARTY_B_SOURCE,
  PARTY_WORD_SOURCE,
  roleOfPartyWord,
  type PartyRole,
} from '../lexicon/parties';
import { isPartHeading } from '../scope/contract-part';
import { addMonths, findDates, monthsBetween } from './dates';
import { ratePercent } from '../text/rates';
import { tableLines } from '../text/tables';
import {
  PERCENT_OF_TOTAL_RE,
  findMoney,
  findWrittenAmounts,
  percentString,
  yuanString,
} from './money';

/** A span of the document's text that a term was read from. */
export interface Span {
  start: number;
  end: number;
}

/** A party (当事人): role `partyA` (甲方, purchaser) or `partyB` (乙方, supplier). */
export interface Party {
  role: 'partyA' | 'partyB';
  name: string;
  legalRepresentative: string | null;
  address: string | null;
  phone: string | null;
}

/** One payment installment (分期付款): percent of the total and/or yuan, and its condition. */
export interface Installment {
  sequence: number;
  percent: string | null;
  yuan: string | null;
  condition: string;
  clauseId: string | null;
  /** Whether `yuan` is written in the contract or computed here from percent × total. */
  yuanStated: boolean;
}

/** REPORT.md `contract` block. Money in yuan (two-place strings), percentages as strings. */
export interface ContractBlock {
  title: string | null;
  contractNumbers: string[];
  projectNumbers: string[];
  parties: Party[];
  signedOn: string | null;
  servicePeriod: {
    start: string | null;
    end: string | null;
    months: number | null;
    text: string;
  } | null;
  totalAmount: {
    yuan: string;
    writtenChinese: string | null;
    taxRatePercent: string | null;
    yuanExcludingTax: string | null;
    taxYuan: string | null;
  } | null;
  performanceBond: { percent: string | null; yuan: string | null } | null;
  paymentInstallments: Installment[];
}

/** A key term with where it came from, for the key-terms panel and the PDF highlight. */
export interface KeyTerm {
  /** Stable key, e.g. `totalAmount`, `partyA.name`, `installment.1`. */
  key: string;
  /** Chinese label for the UI. */
  label: string;
  /** Display value (money as a two-place yuan string). */
  value: string;
  span: Span;
  clauseId: string | null;
}

/** The contract block and the evidence for each of its values. */
export interface ContractExtraction {
  contract: ContractBlock;
  terms: KeyTerm[];
}

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    out.push({ text: raw, start: pos });
    pos += raw.length + 1;
  }
  return out;
}

/** Sentences of `text[from, to)` as {@link sentenceSpans} splits them (headings kept), merged when the next one starts with 即. */
function sentences(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const sp of sentenceSpans(text, from, to, { keepHeadings: true })) {
    if (out.length && /^\s*即/.test(text.slice(sp.start, sp.end))) out[out.length - 1].end = sp.end;
    else out.push({ ...sp });
  }
  return out;
}

const ORG_SUFFIX =
  /(公司|中心|局|厅|院|委员会|集团|研究所|大学|学院|医院|银行|办公室|委|处|站|所|馆|部|社|会|队|校|行|厂|店)$/;

/** A party's label line: `甲方：…`, `采购人名称：…`, `委托人（甲方）：…`, `乙方（受托方）：…`. */
const PARTY_LABEL = new RegExp(
  `^(${PARTY_WORD_SOURCE})(?:名称|全称)?(?:\\s*[（(]([^）)]{1,10})[）)])?\\s*[：:]\\s*(.*)$`,
);


/** A value left to be filled in (`__________`, `【 】`, `{{乙方名称}}`, `[合同中心-供应商名称]`). */
function isBlankValue(value: string): boolean {
  return isBlank(value) || hasPlaceholder(value);
}

function cleanName(name: string): string {
  return unbracket(name)
    .replace(/[（(](?:盖章|章|公章|签章|签字)[)）]/g, '')
    .replace(/\s+/g, '')
    .replace(/[，。；;,]+$/, '');
}

/** A filled-in template field keeps its brackets (`[千寻智能(杭州)科技有限公司]`): they are not the value. */
function unbracket(value: string): string {
  const t = value.trim();
  return /^\[[^\[\]]+\]$|^【[^【】]+】$/.test(t) ? t.slice(1, -1).trim() : t;
}

function extractParties(text: string, lines: Line[], clauses: Clause[], terms: KeyTerm[]): Party[] {
  const found = new Map<string, { party: Party; priority: number }>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.text.trim();
    const m = PARTY_LABEL.exec(trimmed);
    if (!m) continue;
    const role = labelRole(m[1], m[2]);
    if (!role) continue;
    let rawName = m[3].trim();
    const nameOffset = line.start + line.text.indexOf(trimmed) + trimmed.length - m[3].length;
    const lead = m[3].length - m[3].trimStart().length;
    let name = cleanName(rawName);
    if (!name || name.length > 50 || /[：:]/.test(name) || /^[（(]/.test(name)) continue;
    if (isBlankValue(rawName) || isBlankValue(name)) continue; // a blank (`甲方：____`, `[合同中心-…]`)
    if (/^[\u4e00-\u9fff]{2,3}$/.test(name) && !ORG_SUFFIX.test(name)) continue; // a person, e.g. 乙方：王为昌
    let end = nameOffset + lead + rawName.length;
    // A name wrapped onto the next line: 管理委员会综合 / 事务中心.
    const next = lines[i + 1]?.text.trim();
    if (next && !ORG_SUFFIX.test(name) && next.length <= 12 && !/[：:，。]/.test(next)) {
      const joined = cleanName(name + next);
      if (ORG_SUFFIX.test(joined)) {
        name = joined;
        end = lines[i + 1].start + lines[i + 1].text.indexOf(next) + next.length;
        rawName += next;
      }
    }
    const priority = new RegExp(MAIN_PARTY_SOURCE).test(m[1] + (m[2] ?? '')) ? 1 : 2;
    const prev = found.get(role);
    const sameParty = prev && prev.party.name === name;
    if (prev && prev.priority <= priority && !sameParty) continue;
    const party: Party = sameParty
      ? prev!.party
      : { role, name, legalRepresentative: null, address: null, phone: null };
    // The party's block: following lines until the next party label.
    const termList: KeyTerm[] = [];
    const span = {
      start: nameOffset + lead,
      end: Math.min(end, nameOffset + lead + rawName.length),
    };
    if (!sameParty)
      termList.push({
        key: `${role}.name`,
        label: role === 'partyA' ? '甲方' : '乙方',
        value: name,
        span: { start: nameOffset + lead, end },
        clauseId: clauseAt(clauses, span.start)?.id ?? null,
      });
    for (let j = i + 1; j < Math.min(lines.length, i + 12); j++) {
      const t = lines[j].text;
      if (PARTY_LABEL.test(t.trim())) break;
      const rep =
        /(?:法定代表人|法人代表人|法人代表|法定代表|(?<!项目|技术|驻场|运维|现场|业务)负责人)(?:或授权代表)?(?:\s*[（(][^）)]{1,8}[)）])?\s*[：:]\s*([\u4e00-\u9fff·]{2,6})/.exec(
          t,
        );
      if (rep && !party.legalRepresentative) {
        party.legalRepresentative = rep[1];
        const s = lines[j].start + rep.index + rep[0].length - rep[1].length;
        termList.push({
          key: `${role}.legalRepresentative`,
          label: role === 'partyA' ? '甲方法定代表人' : '乙方法定代表人',
          value: rep[1],
          span: { start: s, end: s + rep[1].length },
          clauseId: clauseAt(clauses, s)?.id ?? null,
        });
      }
      const addr = /(?:通信地址|通讯地址|注册地址|单位地址|住所地|住所|地址)\s*[：:]\s*(.+)$/.exec(
        t,
      );
      if (addr && !party.address && !isBlankValue(addr[1])) party.address = unbracket(addr[1]);
      const phone =
        /(?:联系电话|电话|联系方式|手机号码|手机)\s*[：:]\s*([0-9][0-9\-— ]{6,}[0-9])/.exec(t);
      if (phone && !party.phone) party.phone = phone[1].replace(/\s+/g, '');
    }
    if (!sameParty) {
      found.set(role, { party, priority });
      for (let k = terms.length - 1; k >= 0; k--)
        if (terms[k].key.startsWith(`${role}.`)) terms.splice(k, 1);
    }
    terms.push(...termList);
  }
  void text;
  return (['partyA', 'partyB'] as const).flatMap((r) =>
    found.get(r) ? [found.get(r)!.party] : [],
  );
}

/**
 * An identifier as Chinese contracts write them: `HT-2025-0117`, `ZB2026-0088`, `京财采（2026）第15号`,
 * `【NMG-2026-001】` (brackets around the whole number dropped), `[2026]0088`. One token without
 * spaces or sentence punctuation, with a digit in it and no label words run on into it.
 */
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

function extractNumbers(text: string, label: RegExp): { value: string; span: Span }[] {
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

function extractTitle(lines: Line[]): { value: string; span: Span } | null {
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const t = lines[i].text.trim();
    // The title left as a placeholder (`[合同中心-合同名称]`): the contract has no title yet.
    if (/^[[{【]+[^\]}】]*(?:合同名称|项目名称)[^\]}】]*[\]}】]+$/.test(t)) return null;
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

function extractSignedOn(text: string, clauses: Clause[]): { value: string; span: Span } | null {
  const labeled = /(?:签订|签约|签署|签字)(?:日期|时间)\s*[：:]?\s*/g;
  for (let m = labeled.exec(text); m; m = labeled.exec(text)) {
    const after = m.index + m[0].length;
    const d = findDates(text.slice(after, after + 24), after)[0];
    if (d && d.start - after <= 2 && d.iso)
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
function periodLine(seg: string): string {
  const parts = seg
    .trim()
    .split('\n')
    .map((p) => p.trim());
  return parts.find((p) => PERIOD_KEYWORDS.test(p)) ?? parts[parts.length - 1];
}

const PERIOD_KEYWORDS = /服务期限|服务期|服务周期|合同期限|维护期|履行期限|运维期|有效期/;

function durationMonths(n: string, unit: string): number | null {
  const v = parseChineseInteger(n);
  if (v === null) return null;
  return unit === '年' ? v * 12 : v;
}

function extractServicePeriod(
  text: string,
  clauses: Clause[],
  signedOn: string | null,
): { value: NonNullable<ContractBlock['servicePeriod']>; span: Span } | null {
  const termClauses = clauses.filter((c) => c.category === 'term');
  const candidates: Span[] = [];
  for (const c of termClauses) candidates.push(...sentences(text, c.start, c.ownEnd));
  for (const s of sentences(text, 0, text.length)) {
    if (PERIOD_KEYWORDS.test(text.slice(s.start, s.end))) candidates.push(s);
  }
  for (const s of candidates) {
    const seg = text.slice(s.start, s.end);
    const dates = findDates(seg, s.start).filter((d) => d.iso);
    const range = /(?:至|到|～|~|—|－|–|-)/;
    const months =
      /(?<![\d〇零一二三四五六七八九十两年月.])([\d一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾]{1,3})\s*(个月|年)(?!\s*[\d一二三四五六七八九十]+\s*月)/.exec(
        seg,
      );
    if (dates.length >= 2 && range.test(text.slice(dates[0].end, dates[1].start))) {
      const start = dates[0].iso!;
      const end = dates[1].iso!;
      const m = months ? durationMonths(months[1], months[2]) : monthsBetween(start, end);
      return { value: { start, end, months: m, text: periodLine(seg) }, span: s };
    }
    const rel =
      /(?:合同签[署订](?:并生效)?后|自(?:本)?合同签[订署](?:并生效)?之日起|自签[订署](?:本)?合同之日起|自(?:本)?合同生效之日起|合同生效后)\s*([\d一二三四五六七八九十两]+)\s*(个月|年)/.exec(
        seg,
      );
    if (rel) {
      const m = durationMonths(rel[1], rel[2]);
      const start = signedOn;
      const end = start && m ? addMonths(start, m, -1) : null;
      return { value: { start, end, months: m, text: periodLine(seg) }, span: s };
    }
    // From the signing or effective date to a fixed end (`自合同签订之日起至2026年12月31日`).
    const untilDate =
      /(?:合同签[署订](?:并生效)?之日|签[订署](?:本)?合同之日|(?:本)?合同生效之日)起?\s*(?:至|到)\s*$/;
    const lastDate = dates[dates.length - 1];
    if (lastDate && untilDate.test(seg.slice(0, lastDate.start - s.start))) {
      const start = signedOn;
      const end = lastDate.iso!;
      return {
        value: {
          start,
          end,
          months: start ? monthsBetween(start, end) : null,
          text: periodLine(seg),
        },
        span: s,
      };
    }
    if (months && PERIOD_KEYWORDS.test(seg)) {
      const m = durationMonths(months[1], months[2]);
      // A length from a stated start (`壹年，自2026年3月1日开始`).
      const first = dates[0];
      if (
        dates.length === 1 &&
        m &&
        (/(?:自|从)\s*$/.test(seg.slice(0, first.start - s.start)) ||
          /^\s*(?:起|开始)/.test(seg.slice(first.end - s.start)))
      ) {
        const start = first.iso!;
        return {
          value: { start, end: addMonths(start, m, -1), months: m, text: periodLine(seg) },
          span: s,
        };
      }
      const endDate =
        /(?:截止至|截止到|截至|至)\s*/.exec(seg) && dates.length
          ? dates[dates.length - 1].iso
          : null;
      return { value: { start: null, end: endDate, months: m, text: periodLine(seg) }, span: s };
    }
  }
  return null;
}

const TOTAL_KEYWORDS =
  /(合同总?金额|合同总价款?|总价款|合同价款?|服务总费用|总费用|维护服务费|运维服务费用?|服务费用?|合同总额|合同款)/g;

function extractTotal(
  text: string,
  clauses: Clause[],
): {
  value: NonNullable<ContractBlock['totalAmount']>;
  span: Span;
  writtenSpan: Span | null;
} | null {
  const priceClauses = clauses.filter((c) => c.category === 'price' || c.category === 'payment');
  const regions: Span[] = priceClauses.map((c) => ({ start: c.start, end: c.ownEnd }));
  regions.push({ start: 0, end: text.length });
  for (const region of regions) {
    for (const s of sentences(text, region.start, region.end)) {
      const seg = text.slice(s.start, s.end);
      if (seg.includes('\t') || /违约|赔偿|保证金|保函/.test(seg)) continue;
      TOTAL_KEYWORDS.lastIndex = 0;
      const k = TOTAL_KEYWORDS.exec(seg);
      if (!k) continue;
      const after = seg.slice(k.index + k[0].length);
      if (/^\s*的?\s*[\d【]/.test(after) && /[%％]/.test(after.slice(0, 12))) continue; // 合同金额的50%
      const money = findMoney(after.slice(0, 60), s.start + k.index + k[0].length)[0];
      const written = findWrittenAmounts(after.slice(0, 80), s.start + k.index + k[0].length)[0];
      if (!money && !written) continue;
      const yuan = money ? money.yuan : written!.yuan;
      const span = money
        ? { start: money.start, end: money.end }
        : { start: written!.start, end: written!.end };
      return {
        value: {
          yuan: yuanString(yuan),
          writtenChinese: written ? written.text : null,
          taxRatePercent: null,
          yuanExcludingTax: null,
          taxYuan: null,
        },
        span,
        writtenSpan: written ? { start: written.start, end: written.end } : null,
      };
    }
  }
  return null;
}

/** The VAT rates of PRC law, past and present (percent), for a rate derived from two amounts. */
const VAT_RATES = ['0', '1', '3', '5', '6', '9', '10', '11', '13', '16', '17'];

/**
 * The tax split (价税分离) of the price, where the contract states it: a rate (`税率为6%`,
 * `含6%增值税`, `6%的增值税`) with or without the amounts excluding tax and of tax (`不含税金额`,
 * `税额` / `增值税额`), or the two amounts alone (the rate then derived and accepted only when it
 * is a VAT rate). Missing amounts are computed from the total with Decimal: excluding tax =
 * total ÷ (1 + rate), rounded half up to the fen; tax = total − excluding tax.
 */
function extractTax(text: string, total: Decimal | null) {
  for (const s of sentences(text, 0, text.length)) {
    const seg = text.slice(s.start, s.end);
    if (seg.includes('\t') || /违约|赔偿|保证金/.test(seg)) continue;
    // `6%的增值税`, not `合同金额80%的增值税普通发票` (an invoice for 80 % of the price).
    const stated =
      /税率\s*(?:为|是)?\s*[：:]?\s*(\d+(?:\.\d+)?)\s*[%％]/.exec(seg) ??
      /(\d+(?:\.\d+)?)\s*[%％]\s*(?:的)?\s*(?:增值税|税费|税金)(?!\s*(?:普通|专用)?\s*发票)/.exec(
        seg,
      );
    const rate = stated && VAT_RATES.includes(new Decimal(stated[1]).toString()) ? stated : null;
    const excl = /不含税(?:金额|价款?|总价|价格)?\s*(?:为|是)?\s*[：:]?\s*(?:人民币)?/.exec(seg);
    const tax =
      /(?<!含)(?:增值税额|增值税税额|税费|税额|税金)\s*(?:为|是)?\s*[：:]?\s*(?:人民币)?/.exec(seg);
    const exclMoney = excl
      ? findMoney(seg.slice(excl.index + excl[0].length, excl.index + excl[0].length + 30))[0]
      : undefined;
    const taxMoney = tax
      ? findMoney(seg.slice(tax.index + tax[0].length, tax.index + tax[0].length + 30))[0]
      : undefined;
    let exclYuan = exclMoney?.yuan ?? null;
    let taxYuan = taxMoney?.yuan ?? null;
    let r: Decimal | null = rate ? new Decimal(rate[1]) : null;
    if (!r && exclYuan && taxYuan && !exclYuan.isZero()) {
      const derived = taxYuan.div(exclYuan).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      // Rounding to the fen moves a derived rate by far less than 0.05 points on any real price.
      if (
        VAT_RATES.includes(derived.toString()) &&
        taxYuan.div(exclYuan).times(100).minus(derived).abs().lt(0.05)
      )
        r = derived;
    }
    if (!r) continue;
    // A rate alone counts when the sentence states the price it applies to.
    if (
      !exclMoney &&
      !taxMoney &&
      !/不含税|税额|税费|税金|价税/.test(seg) &&
      !findMoney(seg).length
    )
      continue;
    if (total && !exclYuan)
      exclYuan = total.div(r.div(100).plus(1)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    if (total && exclYuan && !taxYuan) taxYuan = total.minus(exclYuan);
    return {
      taxRatePercent: percentString(r),
      yuanExcludingTax: exclYuan ? yuanString(exclYuan) : null,
      taxYuan: taxYuan ? yuanString(taxYuan) : null,
      span: s,
    };
  }
  return null;
}

function extractBond(text: string, clauses: Clause[], total: Decimal | null) {
  const bondClauses = clauses.filter((c) => c.category === 'performance_bond');
  const regions: Span[] = bondClauses.map((c) => ({ start: c.start, end: c.end }));
  regions.push({ start: 0, end: text.length });
  for (const region of regions) {
    for (const s of sentences(text, region.start, region.end)) {
      const seg = text.slice(s.start, s.end);
      if (!/履约保证金|履约保函|履约担保/.test(seg) && region.end === text.length) continue;
      if (!/保证金|保函/.test(seg) || /投标保证金|质量保证金|投标保函/.test(seg)) continue;
      // In a table, only a row about the bond itself (`履约保证金\t合同金额的5%`), not a
      // payment-schedule row that names the bond as a condition.
      if (
        seg.includes('\t') &&
        !/(?:^|\t)\s*(?:[\d一二三四五六七八九十]+[.、．]\s*)?(?:履约保证金|履约保函|履约担保)/.test(
          seg,
        )
      )
        continue;
      // The percent or sum must be the bond's (`提交合同金额5%的履约保证金`, `履约保证金为…`), not
      // a payment made once the bond is in (`提交履约保函后…支付合同总金额的30%`).
      const kw = /履约保证金|履约保函|履约担保|保证金|保函/.exec(seg)!;
      const near = (at: number) => at >= kw.index - 20 && at <= kw.index + kw[0].length + 25;
      const between = (at: number) =>
        seg.slice(Math.min(at, kw.index), Math.max(at, kw.index + kw[0].length));
      // Inside the bond's own clause any amount is the bond's, however far from the word.
      const inBondClause = region.end !== text.length;
      const tied = (at: number) =>
        inBondClause || (near(at) && !/支付|付款|拨付/.test(between(at)));
      const pctAll = [...seg.matchAll(/(\d+(?:\.\d+)?)\s*[%％]/g)];
      const pct = pctAll.find((m) => tied(m.index ?? 0)) ?? null;
      const money = findMoney(seg, s.start).find((m) => tied(m.start - s.start));
      if (!pct && !money) continue;
      const percent = pct ? new Decimal(pct[1]) : null;
      const yuan = money?.yuan ?? (percent && total ? total.times(percent).div(100) : null);
      return {
        value: {
          percent: percent ? percentString(percent) : null,
          yuan: yuan ? yuanString(yuan) : null,
        },
        span: money ? { start: money.start, end: money.end } : s,
      };
    }
  }
  return null;
}

const PAY_VERB = /支付|付款|预付|拨付|尾款|首付/;

/**
 * The trigger of an installment: what the sentence says before the payment verb, without the
 * clause label, the payer (`甲方向乙方`) or a leading statement of the total
 * (`维护服务费为…（¥1168000元），该费用在2025年7月底前支付…` → `2025年7月底前`).
 */
export function installmentCondition(sentence: string): string {
  // Drop heading lines the sentence starts with (`资金支付条件及时间：`, `2.2付款方式`), join the rest.
  const lines = sentence.split('\n').map((l) => l.trim());
  while (lines.length > 1 && isHeadingLine(lines[0])) lines.shift();
  let body = lines.join('');
  body = body
    .replace(/^[\s(（]*(?:\d+(?:[.．]\d+)+|[\d一二三四五六七八九十]+[)）、.．])\s*/, '')
    .replace(/^第.期(?:[（(][^）)]{0,16}[)）])?[：:]\s*/, '');
  const verb = /(?<!《[^》]{0,6})(?:支付|预付|拨付)/.exec(body);
  let head = verb ? body.slice(0, verb.index) : body;
  head = head.replace(
    new RegExp(
      `[，,]?\\s*(?:${PARTY_A_SOURCE})?\\s*(?:应|须|将)?\\s*(?:在|于)?\\s*(?:向(?:${PARTY_B_SOURCE}))?\\s*$`,
    ),
    '',
  );
  const phrases = head.split(/[，,]/);
  while (phrases.length > 1 && findMoney(phrases[0]).length) phrases.shift();
  phrases[0] = phrases[0].replace(
    /^\s*(?:该费用|该款项|上述款项|上述费用)\s*(?:应|须|将)?\s*(?:在|于)?/,
    '',
  );
  const condition = phrases
    .join('，')
    .replace(/[，,。；;\s]+$/, '')
    .trim();
  return condition.length > 80 ? `${condition.slice(0, 80)}…` : condition;
}

function extractInstallments(
  text: string,
  clauses: Clause[],
  total: Decimal | null,
  terms: KeyTerm[],
): Installment[] {
  const payClauses = clauses.filter((c) => c.category === 'payment' || c.category === 'price');
  const out: Installment[] = [];
  const seen = new Set<number>();
  for (const c of payClauses) {
    // The whole subtree: an installment may sit in a sub-clause worded around another topic
    // (`验收合格后30日内，采购人支付…`).
    for (const s of sentences(text, c.start, c.end)) {
      if (seen.has(s.end)) continue;
      seen.add(s.end);
      const seg = text.slice(s.start, s.end);
      // Words are matched on the sentence without its layout breaks (`支付合同\n总价款的70%`).
      const sq = squeeze(seg);
      if (!PAY_VERB.test(sq.text) || /违约金|赔偿|履约保证金|滞纳|罚/.test(sq.text)) continue;
      // A payment scaled by the evaluation (`考核结果为优秀的按合同金额100%支付`) is a score band.
      if (/考核结果|考核得分|得分|评分结果|等级为|考核为/.test(sq.text)) continue;
      const percents: { value: Decimal; index: number }[] = [];
      for (const m of sq.text.matchAll(new RegExp(PERCENT_OF_TOTAL_RE.source, 'g'))) {
        const value = ratePercent(m[1] ?? m[2]);
        if (value) percents.push({ value, index: sq.map[m.index ?? 0] });
      }
      const written = findWrittenAmounts(seg, s.start);
      const amounts = findMoney(seg, s.start).filter(
        (m) =>
          !(total && m.yuan.equals(total)) &&
          !written.some((w) => w.start <= m.start && m.end <= w.end),
      );
      if (!percents.length && !amounts.length) continue;
      if (percents.length && percents.every((p) => p.value.equals(100))) continue;
      const amount = amounts[0] ?? null;
      const pct = amount
        ? ([...percents].reverse().find((p) => s.start + p.index < amount.start) ?? percents[0])
        : percents[percents.length - 1];
      const yuan = amount?.yuan ?? (pct && total ? total.times(pct.value).div(100) : null);
      const condition = installmentCondition(seg);
      const sequence = out.length + 1;
      out.push({
        sequence,
        percent: pct ? percentString(pct.value) : null,
        yuan: yuan ? yuanString(yuan) : null,
        condition,
        clauseId: clauseAt(clauses, amount?.start ?? s.end - 1)?.id ?? c.id,
        yuanStated: !!amount,
      });
      const valueSpan = amount
        ? { start: amount.start, end: amount.end }
        : { start: s.start, end: s.end };
      terms.push({
        key: `installment.${sequence}`,
        label: `第${sequence}期付款`,
        value: [pct ? `${percentString(pct.value)}%` : null, yuan ? yuanString(yuan) : null]
          .filter(Boolean)
          .join(' · '),
        span: valueSpan,
        clauseId: clauseAt(clauses, valueSpan.start)?.id ?? c.id,
      });
    }
  }
  if (!out.length) out.push(...installmentsFromTable(text, payClauses, clauses, total, terms));
  return out;
}

/**
 * Installments from a payment schedule laid out as a table (付款计划表): a header row naming the
 * percent (`付款比例`), amount (`付款金额（元）`) and condition (`付款条件` / `付款时间`) columns,
 * then one row per installment; a total row (`合计`) is skipped. Used when no sentence of the
 * payment clauses states an installment.
 */
function installmentsFromTable(
  text: string,
  payClauses: Clause[],
  clauses: Clause[],
  total: Decimal | null,
  terms: KeyTerm[],
): Installment[] {
  const out: Installment[] = [];
  const seenRows = new Set<number>();
  for (const c of payClauses) {
    // `unit`: yuan per figure in a bare amount cell, from the header (`金额（元）` 1, `（万元）` 10,000).
    let cols: { pct: number; amt: number; cond: number; unit: number | null } | null = null;
    for (const { start: lineStart, text: line, cells, cellStarts } of tableLines(
      text,
      c.start,
      c.end,
    )) {
      if (!cells) {
        cols = null; // the table ended
        continue;
      }
      const find = (re: RegExp) => cells.findIndex((x) => re.test(x) && !/\d/.test(x));
      const header = {
        pct: find(/比例|百分比/),
        amt: find(/金额|款额|费用/),
        cond: find(/条件|时间|节点|方式|说明|依据/),
      };
      if ((header.pct >= 0 || header.amt >= 0) && header.cond >= 0) {
        const amtHeader = header.amt >= 0 ? cells[header.amt] : '';
        cols = {
          ...header,
          unit: /万元/.test(amtHeader) ? 10000 : /元/.test(amtHeader) ? 1 : null,
        };
        continue;
      }
      if (!cols || seenRows.has(lineStart) || cells.some((x) => /^(?:合计|总计|小计)/.test(x)))
        continue;
      seenRows.add(lineStart);
      const pctCell = cols.pct >= 0 ? (cells[cols.pct] ?? '') : '';
      const amtCell = cols.amt >= 0 ? (cells[cols.amt] ?? '') : '';
      const money =
        findMoney(amtCell)[0]?.yuan ??
        (cols.unit && /^[\d,]+(?:\.\d{1,6})?$/.test(amtCell)
          ? new Decimal(amtCell.replace(/,/g, '')).times(cols.unit)
          : null);
      const condition = cells[cols.cond] ?? '';
      const percent = ratePercent(pctCell);
      if (!percent && !money) continue;
      const yuan = money ?? (percent && total ? total.times(percent).div(100) : null);
      const sequence = out.length + 1;
      const span =
        money && cols.amt >= 0
          ? { start: cellStarts[cols.amt], end: cellStarts[cols.amt] + amtCell.length }
          : { start: lineStart, end: lineStart + line.length };
      out.push({
        sequence,
        percent: percent ? percentString(percent) : null,
        yuan: yuan ? yuanString(yuan) : null,
        condition,
        clauseId: clauseAt(clauses, lineStart)?.id ?? c.id,
        yuanStated: !!money,
      });
      terms.push({
        key: `installment.${sequence}`,
        label: `第${sequence}期付款`,
        value: [percent ? `${percentString(percent)}%` : null, yuan ? yuanString(yuan) : null]
          .filter(Boolean)
          .join(' · '),
        span,
        clauseId: clauseAt(clauses, span.start)?.id ?? c.id,
      });
    }
  }
  return out;
}

/**
 * Extracts the REPORT.md `contract` block from a document's text and clause tree.
 * Values the contract does not state are null or empty, never guessed; derived values (an
 * installment's yuan from its percent, the end of a period from its start and length) are
 * computed with Decimal and date arithmetic.
 */
export function extractContract(text: string, clauses: Clause[]): ContractExtraction {
  const lines = linesOf(text);
  const terms: KeyTerm[] = [];
  const at = (span: Span) => clauseAt(clauses, span.start)?.id ?? null;
  const title = extractTitle(lines);
  if (title)
    terms.push({
      key: 'title',
      label: '合同名称',
      value: title.value,
      span: title.span,
      clauseId: at(title.span),
    });
  const contractNumbers = extractNumbers(text, /合同编号|合同号/);
  contractNumbers.forEach((n, i) =>
    terms.push({
      key: `contractNumber.${i + 1}`,
      label: '合同编号',
      value: n.value,
      span: n.span,
      clauseId: at(n.span),
    }),
  );
  const projectNumbers = extractNumbers(
    text,
    /项目编号|采购编号|项目编码|采购项目编号|招标编号|采购计划编号|招标项目编号|询价编号|磋商编号|谈判编号/,
  );
  projectNumbers.forEach((n, i) =>
    terms.push({
      key: `projectNumber.${i + 1}`,
      label: '项目编号',
      value: n.value,
      span: n.span,
      clauseId: at(n.span),
    }),
  );
  const parties = extractParties(text, lines, clauses, terms);
  const signed = extractSignedOn(text, clauses);
  if (signed)
    terms.push({
      key: 'signedOn',
      label: '签订日期',
      value: signed.value,
      span: signed.span,
      clauseId: at(signed.span),
    });
  const period = extractServicePeriod(text, clauses, signed?.value ?? null);
  if (period) {
    const p = period.value;
    const value = [
      p.start && p.end ? `${p.start} 至 ${p.end}` : p.end ? `至 ${p.end}` : null,
      p.months ? `${p.months} 个月` : null,
    ]
      .filter(Boolean)
      .join('，');
    terms.push({
      key: 'servicePeriod',
      label: '服务期限',
      value: value || p.text,
      span: period.span,
      clauseId: at(period.span),
    });
  }
  const total = extractTotal(text, clauses);
  const totalYuan = total ? new Decimal(total.value.yuan) : null;
  if (total) {
    const tax = extractTax(text, totalYuan);
    if (tax) {
      total.value.taxRatePercent = tax.taxRatePercent;
      total.value.yuanExcludingTax = tax.yuanExcludingTax;
      total.value.taxYuan = tax.taxYuan;
      terms.push({
        key: 'tax',
        label: '税率',
        value: `${tax.taxRatePercent}%`,
        span: tax.span,
        clauseId: at(tax.span),
      });
    }
    terms.push({
      key: 'totalAmount',
      label: '合同总金额',
      value: total.value.yuan,
      span: total.span,
      clauseId: at(total.span),
    });
    if (total.writtenSpan && total.value.writtenChinese)
      terms.push({
        key: 'totalAmount.written',
        label: '大写金额',
        value: total.value.writtenChinese,
        span: total.writtenSpan,
        clauseId: at(total.writtenSpan),
      });
  }
  const bond = extractBond(text, clauses, totalYuan);
  if (bond)
    terms.push({
      key: 'performanceBond',
      label: '履约保证金',
      value: [bond.value.percent ? `${bond.value.percent}%` : null, bond.value.yuan]
        .filter(Boolean)
        .join(' · '),
      span: bond.span,
      clauseId: at(bond.span),
    });
  const paymentInstallments = extractInstallments(text, clauses, totalYuan, terms);
  return {
    contract: {
      title: title?.value ?? null,
      contractNumbers: contractNumbers.map((n) => n.value),
      projectNumbers: projectNumbers.map((n) => n.value),
      parties,
      signedOn: signed?.value ?? null,
      servicePeriod: period?.value ?? null,
      totalAmount: total?.value ?? null,
      performanceBond: bond?.value ?? null,
      paymentInstallments,
    },
    terms,
  };
}
