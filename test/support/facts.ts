/**
 * Compares a report with an expected-facts file: every expected value must be present,
 * numbers compared as decimals, text with whitespace ignored; arrays of objects match when each
 * expected item is contained in some actual item.
 */
import Decimal from 'decimal.js';

function sameScalar(expected: unknown, actual: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'number')
    return typeof actual === 'number' ? expected === actual : sameScalar(String(expected), actual);
  if (typeof expected === 'string') {
    if (typeof actual !== 'string' && typeof actual !== 'number') return false;
    const a = String(actual);
    if (/^-?\d+(\.\d+)?$/.test(expected) && /^-?\d+(\.\d+)?$/.test(a))
      return new Decimal(expected).equals(a);
    return expected.replace(/\s+/g, '') === a.replace(/\s+/g, '');
  }
  return expected === actual;
}

/** True when `actual` contains every fact of `expected`. */
export function contains(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    return expected.every((e) => actual.some((a) => contains(e, a)));
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) =>
      contains(v, (actual as Record<string, unknown>)[k]),
    );
  }
  return sameScalar(expected, actual);
}

/** Flattens an expected object into [path, value] facts, one per leaf or array item. */
export function facts(expected: unknown, prefix = ''): [string, unknown][] {
  if (Array.isArray(expected)) return expected.map((e, i) => [`${prefix}[${i}]`, e]);
  if (expected && typeof expected === 'object')
    return Object.entries(expected).flatMap(([k, v]) => facts(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, expected]];
}

/** Reads a dotted path with [i] indices. */
export function at(obj: unknown, p: string): unknown {
  return p
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .reduce<any>((o, k) => (o == null ? undefined : o[k]), obj);
}
