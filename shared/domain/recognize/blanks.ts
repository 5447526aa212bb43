/** Blank values (REPORT.md "Blanks are blanks"): a value that only holds blanks or placeholders. */
import { BLANK_VALUE, PLACEHOLDER } from '../lexicon/blanks';

const PLACEHOLDERS = new RegExp(PLACEHOLDER.source, 'g');

/**
 * True when `value` states nothing: empty, underscores, `【 】`, `{{乙方名称}}`,
 * `[合同中心-供应商法人姓名]（[合同中心-供应商法人性别]）`, `/`, `XX`, `年 月 日`.
 */
export function isBlankValue(value: string): boolean {
  const v = value.trim();
  if (BLANK_VALUE.test(v)) return true;
  const rest = v.replace(PLACEHOLDERS, '').replace(/[（()）\s]/g, '');
  return rest !== v.replace(/[（()）\s]/g, '') && BLANK_VALUE.test(rest);
}

/** True when `value` holds a placeholder anywhere (`人民币[合同中心-合同总价]元`). */
export function hasPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}
