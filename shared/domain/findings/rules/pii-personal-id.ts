/**
 * `pii.personal-id`: a resident identity number (居民身份证号码) in the document. An 18-character
 * number counts when its check character is right under GB 11643-1999 (ISO 7064 MOD 11-2) and
 * its birth date is a real date ({@link isValidResidentId}); phone and bank account numbers do
 * not.
 */
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, quoteOf } from '../util';
import { isValidResidentId, maskId } from '../../pii';

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
