/**
 * Signed sign-offs: when a reviewer signs off a contract's review, main signs what they signed —
 * the original file (its SHA-256), the report as exports show it (personal data masked, see
 * `shared/domain/pii.ts`), the name, time and note — with the installation's Ed25519 key. An
 * exported report then carries the signature and the key, and `npm run verify -- REPORT.json`
 * tells whether the sign-off is genuine and whether the report is still the one signed (a
 * re-analysis or an edit after the sign-off shows as a changed report).
 */
import { createHash } from 'node:crypto';
import type { ReviewReport } from '../../shared/domain/report';
import type { SignOff } from '../../shared/domain/annotations';
import { maskPersonalDataDeep } from '../../shared/domain/pii';
import { fingerprintOf, verifySignature, type Installation } from './identity';

/** SHA-256 (hex) of the report as exports show it, fields in a fixed order. */
export function reportDigest(report: ReviewReport): string {
  return createHash('sha256')
    .update(canonical(maskPersonalDataDeep(report)))
    .digest('hex');
}

/** JSON with object keys sorted at every level, so that equal values give equal bytes. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The bytes a sign-off's signature covers. */
function signedBytes(original: string, digest: string, s: Pick<SignOff, 'by' | 'at' | 'note'>) {
  return new TextEncoder().encode(
    canonical({
      kind: 'qiyue-sign-off',
      original,
      report: digest,
      by: s.by,
      at: s.at,
      note: s.note,
    }),
  );
}

/** A sign-off signed by `installation` over the original `originalSha256` and `report`. */
export function signSignOff(
  installation: Installation,
  originalSha256: string,
  report: ReviewReport,
  signOff: Pick<SignOff, 'by' | 'at' | 'note'>,
): NonNullable<SignOff['signature']> {
  const digest = reportDigest(report);
  return {
    publicKey: installation.publicKey,
    reportSha256: digest,
    value: installation.sign(signedBytes(originalSha256, digest, signOff)),
  };
}

/**
 * Whether a sign-off's signature holds: signed by its own key over the original `originalSha256`,
 * the report digest it names, and its `by`, `at`, `note`. Whether the report is still the one
 * signed is another question ({@link verifyReport}). False for a sign-off without a signature.
 */
export function signOffSignatureValid(originalSha256: string, s: SignOff): boolean {
  if (!s.signature) return false;
  return verifySignature(
    s.signature.publicKey,
    signedBytes(originalSha256, s.signature.reportSha256, s),
    s.signature.value,
  );
}

/** The fields a report export adds to the REPORT.md document. */
const EXPORT_EXTRAS = new Set([
  'annotations',
  'scenarios',
  'checklist',
  'signOff',
  'ndaReview',
  'triage',
]);

/** What {@link verifyReport} found. */
export type SignOffCheck =
  | { status: 'valid'; by: string; at: string; fingerprint: string }
  | { status: 'report-changed'; by: string; at: string; fingerprint: string }
  | { status: 'invalid'; reason: string }
  | { status: 'unsigned' };

/**
 * Checks an exported report's sign-off: its signature over the original's SHA-256 and the
 * signed fields, and whether the report is still the one signed.
 * @param exported the JSON of a report export (REPORT.md document plus `signOff`)
 */
export function verifyReport(exported: {
  source?: { sha256?: string };
  signOff?: SignOff | null;
  [key: string]: unknown;
}): SignOffCheck {
  const s = exported.signOff;
  if (!s?.signature) return { status: 'unsigned' };
  const original = exported.source?.sha256;
  if (typeof original !== 'string')
    return { status: 'invalid', reason: '报告缺少原始文件的 SHA-256' };
  let fingerprint: string;
  try {
    fingerprint = fingerprintOf(s.signature.publicKey);
  } catch {
    return { status: 'invalid', reason: '签名中的公钥无法读取' };
  }
  if (!signOffSignatureValid(original, s))
    return { status: 'invalid', reason: '签名与签字内容不符（签字人、时间、意见或文件被改动过）' };
  // The report is the export without the fields Qiyue adds to it (export/report.ts reportJson).
  const report = Object.fromEntries(
    Object.entries(exported).filter(([k]) => !EXPORT_EXTRAS.has(k)),
  ) as unknown as ReviewReport;
  const changed = reportDigest(report) !== s.signature.reportSha256;
  return { status: changed ? 'report-changed' : 'valid', by: s.by, at: s.at, fingerprint };
}
