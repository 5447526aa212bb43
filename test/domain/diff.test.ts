/** The Chinese-aware clause diff. */
import { describe, expect, it } from 'vitest';
import { diffClauses, words } from '../../shared/domain/compare/diff';

describe('diffClauses', () => {
  it('reports a changed rate and base as whole words', () => {
    const parts = diffClauses(
      '每延期一日，乙方应按照合同总金额的0.1%向甲方支付违约金。',
      '每延期一日，乙方应按照逾期金额的1%向甲方支付违约金。',
    );
    const removed = parts
      .filter((p) => p.type === 'removed')
      .map((p) => p.text)
      .join('|');
    const added = parts
      .filter((p) => p.type === 'added')
      .map((p) => p.text)
      .join('|');
    expect(removed).toContain('合同总');
    expect(removed).toContain('0.1');
    expect(added).toContain('逾期');
    expect(added).toContain('1');
    // Rebuilding each side from the parts gives back the texts.
    expect(
      parts
        .filter((p) => p.type !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('每延期一日，乙方应按照合同总金额的0.1%向甲方支付违约金。');
    expect(
      parts
        .filter((p) => p.type !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe('每延期一日，乙方应按照逾期金额的1%向甲方支付违约金。');
  });

  it('segments Chinese into words', () => {
    expect(words('保密期限为三年').length).toBeLessThan(7);
  });

  it('finds no change in equal texts', () => {
    expect(diffClauses('保密期限三年', '保密期限三年')).toEqual([
      { type: 'equal', text: '保密期限三年' },
    ]);
  });
});
