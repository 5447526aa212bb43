/**
 * Personal data in contracts: resident identity numbers (居民身份证号码, GB 11643-1999) and mainland
 * mobile numbers (11 digits from 13–19, as numbered under the MIIT plan). The store keeps a
 * contract's text as it is; everything that leaves it (report exports, checklist and comparison
 * exports, the command line's output) shows these masked, the same length as the original so
 * that offsets into a quote stay right: `320321********4212`, `138****5678`.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * True when `id` is a valid 18-character resident identity number: its check character is right
 * under GB 11643-1999 (ISO 7064 MOD 11-2) and its birth date (characters 7–14) is a real date
 * between 1900 and 2100.
 */
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

/** An identity number with its birth date and sequence masked: 320321********4212. */
export function maskId(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** 18 characters not inside a longer run of digits or letters (a bank account, a code). */
const RESIDENT_ID = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/**
 * A mobile number, written as one run or in 3-4-4 groups split by a space or hyphen, not inside
 * a longer run of digits (an account number holds such runs).
 */
const MOBILE = /(?<!\d)(1[3-9]\d)([ -]?)(\d{4})\2(\d{4})(?!\d)/g;

/**
 * `text` with valid resident identity numbers and mobile numbers masked (see module doc); all
 * else, including numbers that only look like them (a failed checksum, a longer digit run),
 * unchanged. Linear in the length of `text`.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(RESIDENT_ID, (id) => (isValidResidentId(id) ? maskId(id) : id))
    .replace(MOBILE, (_m, head: string, sep: string, _mid: string, tail: string) =>
      [head, '****', tail].join(sep),
    );
}

/**
 * A copy of `value` with every string in it masked by {@link maskPersonalData}: objects and
 * arrays are copied, numbers, booleans and null kept, bytes (Uint8Array) kept as they are.
 */
export function maskPersonalDataDeep<T>(value: T): T {
  if (typeof value === 'string') return maskPersonalData(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskPersonalDataDeep(v)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskPersonalDataDeep(v);
  return out as T;
}
