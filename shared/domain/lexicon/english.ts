/**
 * The words of contracts and NDAs written in English, as data: clause headings → REPORT.md
 * categories, the suffixes of organisation names, month names. `english/read.ts` reads them.
 */
import type { ClauseCategory } from '../clauses/categories';

/** Headings of English contracts (whitespace removed before matching), first match wins. */
export const ENGLISH_CATEGORIES: [ClauseCategory, RegExp][] = [
  [
    'confidentiality',
    /confidential|non-?disclosure|returnof(?:confidential)?(?:information|materials)/i,
  ],
  ['intellectual_property', /intellectualproperty|ownership|licen[cs]e/i],
  ['data_security', /dataprotection|datasecurity|privacy|personaldata/i],
  ['termination', /terminat/i],
  ['term', /^(?:\d[\d.]*)?(?:term|duration|period)(?:of(?:the)?agreement)?$|termofagreement/i],
  ['dispute_resolution', /governinglaw|dispute|arbitration|jurisdiction|applicablelaw/i],
  ['payment', /payment|invoic|fees/i],
  ['price', /price|consideration|compensation/i],
  ['liability', /liabilit|indemn|damages|remed|breach/i],
  ['force_majeure', /forcemajeure/i],
  ['notice', /notice/i],
  ['acceptance', /acceptance/i],
  ['personnel', /personnel|staff|employees/i],
  ['scope', /scopeof|services|deliverables|purpose/i],
  [
    'effectiveness',
    /entireagreement|counterparts|effective|miscellaneous|general|amendment|waiver|severab/i,
  ],
  ['parties', /^(?:\d[\d.]*)?parties$/i],
];

/** The end of an organisation's name: `Ltd.`, `Co., Ltd.`, `Inc.`, `LLC`, `Limited`, `Bureau` … */
export const ORG_NAME_END =
  /(?:Co\.,?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.|Corp(?:oration)?\.?|Company|GmbH|S\.A\.|PLC|plc|LLP|Bureau|Cent(?:er|re)|University|Agency|Authority|Institute|Department|Group)/;

/** Month names for dates such as `January 5, 2026` or `5 January 2026`. */
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Number words of durations (`five (5) years`). */
export const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];
