/**
 * `pii.personal-id`: a resident identity number (居民身份证号码) in the document. An 18-character
 * number counts when its check character is right under GB 11643-1999 (ISO 7064 MOD 11-2) and
 * its birth date is a real date; phone and bank account numbers do not.
 */
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, quoteOf } from '../util';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** True when `id` is a valid 18-character resident identity number (GB 11643-1999). */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17].toUpperCase()) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Masks the middle of an identity number for messages: 320321********4212. */
export function maskId(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

export const piiPersonalId: FindingRule = {
  id: 'pii.personal-id',
  description: '文件含居民身份证号码 (a resident ID number, GB 11643-1999 checksum)',
  check(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.text.matchAll(/(?<![\dA-Za-z])(\d{17}[\dXx])(?![\dA-Za-z])/g)) {
      if (!isValidResidentId(m[1])) continue;
      const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[1].length };
      out.push({
        ruleId: this.id,
        severity: 'high',
        message: `文件包含居民身份证号码 ${maskId(m[1])}，外发或归档前请脱敏`,
        messageEn: `The document contains a resident ID number (${maskId(m[1])}); redact it before sharing`,
        clauseIds: clauseIdsOf(ctx, [span]),
        quote: quoteOf(ctx.text, [span]),
        spans: [span],
      });
    }
    return out;
  },
};
