/**
 * The daily service fee (日均服务费) a penalty may be based on: the contract total divided by the
 * days of the service period (start and end inclusive; a period given only by its end and length
 * is counted back from the end). E.g. seed 002: 1,168,000.00 over 2025-01-01…2025-12-31 →
 * 3,200.00 a day. An estimate the reviewer can edit, shown with its working.
 */
import Decimal from 'decimal.js';
import { addMonths } from '../recognize/dates';
import type { ContractBlock } from '../terms/contract';

/** The daily fee in yuan (two places) and how it was reached, or null when the period is unknown. */
export function dailyFee(contract: ContractBlock): { yuan: string; basis: string } | null {
  const total = contract.totalAmount?.yuan;
  const p = contract.servicePeriod;
  if (!total || !p) return null;
  let start = p.start;
  const end = p.end;
  if (!start && end && p.months) start = addMonths(end, -p.months, 1);
  if (!start || !end) return null;
  const days =
    Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) +
    1;
  if (days <= 0) return null;
  const yuan = new Decimal(total).div(days).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return { yuan, basis: `合同总金额 ${total} ÷ 服务期 ${days} 日（${start} 至 ${end}）` };
}
