/**
 * Rates as Chinese contracts write them: `0.5%`, `5‰`, `百分之五`, `千分之五`, `万分之五`,
 * `百分之零点五`. Penalty rates per day are very often given per mille (千分之) or per ten
 * thousand (万分之); reports carry every rate in percent.
 */
import Decimal from 'decimal.js';
import Nzh from 'nzh';
import { parseChineseInteger } from './chinese-numerals';

/**
 * Regex source matching one rate, in one capturing group (so it can sit inside larger patterns
 * without shifting their groups beyond one).
 */
export const RATE_SOURCE =
  '((?:\\d+(?:\\.\\d+)?)\\s*[%％‰]|[【\\[]\\s*\\d+(?:\\.\\d+)?\\s*[】\\]]\\s*[%％‰]|(?:百分之|千分之|万分之)(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)|(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]|双)\\s*倍)';

/** A number in figures or Chinese numerals, decimals included (`零点五` → 0.5), read with nzh. */
function numberOf(s: string): Decimal | null {
  if (/^\d/.test(s)) return new Decimal(s);
  if (!s.includes('点')) {
    const whole = parseChineseInteger(s);
    return whole === null ? null : new Decimal(whole);
  }
  const v = Number(Nzh.cn.decodeS(s.replace(/〇/g, '零').replace(/两/g, '二')));
  return Number.isFinite(v) ? new Decimal(String(v)) : null;
}

/**
 * The percent a rate stands for: `0.5%` → 0.5, `【20】%` → 20, `5倍` → 500, `5‰` → 0.5, `千分之五` → 0.5, `万分之五` → 0.05,
 * `百分之三十` → 30. Null when `text` is not a rate.
 */
export function ratePercent(text: string): Decimal | null {
  const t = text.replace(/[\s【】[\]]+/g, '');
  const times = /^(\d+(?:\.\d+)?|[一二两三四五六七八九十]|双)倍$/.exec(t);
  if (times) {
    const n = times[1] === '双' ? new Decimal(2) : numberOf(times[1]);
    return n ? n.mul(100) : null;
  }
  const sign = /^(\d+(?:\.\d+)?)([%％‰])$/.exec(t);
  if (sign) return new Decimal(sign[1]).div(sign[2] === '‰' ? 10 : 1);
  const words = /^(百分之|千分之|万分之)(.+)$/.exec(t);
  if (!words) return null;
  const n = numberOf(words[2]);
  if (!n) return null;
  return n.div(words[1] === '百分之' ? 1 : words[1] === '千分之' ? 10 : 100);
}
