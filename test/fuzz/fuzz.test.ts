/**
 * The quick fuzz suite: 300 generated hostile and malformed inputs (seeded, the same every run;
 * `npm run fuzz` runs 1,200 larger ones) through the command line's import path. Every input is
 * imported or refused with a code and a specific Chinese message, with the store's bytes
 * unchanged; no parser dies, nothing hangs, no promise is left rejected, and this process (main's
 * share: the file and the store) stays within its memory bound.
 */
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { fuzzInputs } from '../support/fuzz';
import { MAIN_MEMORY_BOUND_MB, runFuzz, specificMessage } from '../support/fuzz-run';

describe('fuzz (quick)', () => {
  it('300 generated inputs: 0 crashes, 0 hangs, 0 unspecific refusals, 0 store changes', async () => {
    const inputs = fuzzInputs(20261201, 300, 'quick');
    const summary = await runFuzz(inputs);
    expect(summary.failures).toEqual([]);
    expect(summary.total).toBe(300);
    // The generator reaches both ends: files that still import, and each kind of refusal.
    expect(summary.imported).toBeGreaterThan(30);
    for (const code of ['corrupt', 'wrong-type', 'too-complex', 'not-found'])
      expect(summary.refusedByCode[code], code).toBeGreaterThan(0);
    expect(summary.peakGrowthMb, summary.peakGrowthInput).toBeLessThan(MAIN_MEMORY_BOUND_MB);
  }, 600_000);

  it('tells a specific message from library text', () => {
    expect(
      specificMessage(
        'PDF 文件已损坏，无法读取；请用生成它的软件重新导出 PDF 后再导入 (the PDF is damaged)',
      ),
    ).toBe(true);
    expect(specificMessage('Bug : uncompressed data size mismatch')).toBe(false);
  });

  it('finds every wrong-type refusal of the importers specific', async () => {
    // Content that does not match each extension: a ZIP named .pdf, text named .ofd, a PNG named .txt.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const text = new TextEncoder().encode('这不是 OFD 文件');
    for (const [name, bytes] of [
      ['a.pdf', zip],
      ['a.ofd', text],
      ['a.txt', png],
    ] as const) {
      const err = (await importFile(name, bytes).catch((e: unknown) => e)) as {
        code: string;
        message: string;
      };
      expect(err.code, name).toBe('wrong-type');
      expect(specificMessage(err.message), err.message).toBe(true);
    }
    expect(specificMessage('[xmldom error]\telement parse error')).toBe(false);
    expect(specificMessage('无法读取文件 (TypeError: Cannot read properties of undefined)')).toBe(
      false,
    );
    expect(specificMessage('Maximum call stack size exceeded')).toBe(false);
    expect(
      specificMessage('PDF 文件已损坏，无法读取；InvalidPDFException: Invalid Root reference.'),
    ).toBe(false);
    expect(
      specificMessage('文件无法解析：Invalid Root reference (the file could not be parsed)'),
    ).toBe(false);
    expect(
      specificMessage('文件不存在，或链接指向的文件不存在 (cannot read the file: ENOENT)'),
    ).toBe(true);
  });
});
