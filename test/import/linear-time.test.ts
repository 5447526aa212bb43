/**
 * Linear time on adversarial input (issue: hostile documents): each case is imported and
 * analysed at 128 KiB and 1 MiB (DOCX: 2,000 and 16,000 repeated parts) in one run, and the
 * time may grow at most 12-fold for the 8-fold input (linear is 8, quadratic 64; a case over it
 * is measured again, up to three times, for the noise of a busy machine). Before the
 * fixes, 128 KiB of digits, numerals, underscores or `【` took over 20 s and 1 MiB of numbered
 * lines or unclosed `**` over a minute.
 */
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../electron/main/isolation/parse';
import { docxInfiniteLevel } from '../support/adversarial';
import { GOAL_RATIO, docxGrowth, textGrowth, type Growth } from '../support/linear-time';

const report = (g: Growth[]) =>
  g.map(
    (x) =>
      `${x.name}: ${x.smallMs.toFixed(0)} → ${x.largeMs.toFixed(0)} ms (${x.ratio.toFixed(1)}×)`,
  );

describe('time grows linearly with the input', () => {
  it('text and Markdown: spaces, digits, numerals, underscores, unclosed markup, numbering…', async () => {
    const growth = await textGrowth(128 * 1024, 3);
    const slow = growth.filter((g) => g.ratio >= GOAL_RATIO);
    expect(slow.length, report(slow).join('\n')).toBe(0);
  }, 300_000);

  it('DOCX: empty paragraphs, empty equations, numbered paragraphs, a huge list label', async () => {
    const growth = await docxGrowth(2000, 3);
    const slow = growth.filter((g) => g.ratio >= GOAL_RATIO);
    expect(slow.length, report(slow).join('\n')).toBe(0);
  }, 300_000);

  it('a list level of 400 nines is no level: the paragraph is read without a label', async () => {
    const { doc } = await parseContract('x.docx', await docxInfiniteLevel());
    expect(doc.text.trim()).toBe('条款');
  });
});
