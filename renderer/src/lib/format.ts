/** Display formatting. Money strings are formatted as text, never through JS numbers. */
import { groupYuan } from '../../../shared/domain/labels';

/** `"6980000.00"` → `"6,980,000.00"`; `—` when there is no amount. */
export function formatYuan(yuan: string | null | undefined): string {
  return yuan ? groupYuan(yuan) : '—';
}

/** ISO timestamp → `2026-11-21 05:30`. */
export function formatTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}
