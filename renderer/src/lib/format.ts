/** Display formatting. Money strings are formatted as text, never through JS numbers. */

/** `"6980000.00"` → `"6,980,000.00"`. */
export function formatYuan(yuan: string | null | undefined): string {
  if (!yuan) return '—';
  const [int, frac = '00'] = yuan.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}.${frac}`;
}

/** ISO timestamp → `2026-11-21 05:30`. */
export function formatTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}
