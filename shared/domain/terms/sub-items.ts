/**
 * Sub-items of a fee schedule (分项表 / 服务清单 with amounts): name and amount of each row, so a
 * calculator can take "the budget of the sub-item concerned" (`相关子项目预算金额`) from the
 * contract itself.
 */
import { findMoney, yuanString } from '../recognize/money';

/** One priced row of a fee schedule. */
export interface SubItem {
  name: string;
  yuan: string;
}

/** Priced rows of every tab-separated table in the text (total rows left out). */
export function extractSubItems(text: string): SubItem[] {
  const out: SubItem[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('\t') || /总计|合计|小计/.test(line)) continue;
    const cells = line.split('\t').map((c) => c.trim());
    const money = findMoney(cells.slice(1).join(' '));
    if (!money.length) continue;
    const name = cells
      .slice(0, 4)
      .filter((c) => /[\u4e00-\u9fff]{4,}/.test(c) && !/[¥￥]/.test(c))
      .sort((a, b) => a.length - b.length)[0];
    if (!name || name.length > 40) continue;
    out.push({ name, yuan: yuanString(money[money.length - 1].yuan) });
  }
  return out;
}
