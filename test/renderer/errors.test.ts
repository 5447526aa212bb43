/**
 * Errors in the interface language (renderer/src/lib/errors.ts, shared splitBilingual): main's
 * `中文 (English)` messages are split, and a refusal reads in one language only, worded by its
 * code with the specific detail in that language.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { splitBilingual, QiyueError } from '../../shared/domain/errors';
import { errorText } from '../../renderer/src/lib/errors';
import { IpcCallError } from '../../renderer/src/lib/ipc-error';
import { RESOURCES } from '../../renderer/src/i18n';
import { importFile } from '../../electron/main/import/index';

async function tIn(lng: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: RESOURCES, interpolation: { escapeValue: false } });
  return i18n.t;
}

/** The refusal main gives for `bytes` named `name`, as the renderer receives it. */
async function refusal(name: string, bytes: Uint8Array): Promise<IpcCallError> {
  try {
    await importFile(name, bytes);
  } catch (err) {
    const q = err as QiyueError;
    return new IpcCallError(q.code, q.message, q.params);
  }
  throw new Error('imported');
}

describe('errors in the interface language', () => {
  it('splits main’s bilingual messages, nested parentheses and all', () => {
    expect(splitBilingual('口令不正确 (wrong passphrase)')).toEqual({
      zh: '口令不正确',
      en: 'wrong passphrase',
    });
    expect(
      splitBilingual(
        '文件扩展名为 PDF，但内容不是 PDF（未知格式） (not a PDF file: the content is unknown)',
      ),
    ).toEqual({
      zh: '文件扩展名为 PDF，但内容不是 PDF（未知格式）',
      en: 'not a PDF file: the content is unknown',
    });
    expect(splitBilingual('只有中文')).toEqual({ zh: '只有中文', en: null });
  });

  it('words real import refusals in Chinese only, or in English only', async () => {
    const zh = await tIn('zh-CN');
    const en = await tIn('en');
    const cases = [
      await refusal('a.pdf', new TextEncoder().encode('not a pdf at all')),
      await refusal('a.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj')),
      await refusal('a.xyz', new Uint8Array([1, 2, 3])),
      await refusal('a.txt', new Uint8Array()),
    ];
    for (const err of cases) {
      const inZh = errorText(err, zh, 'zh-CN');
      const inEn = errorText(err, en, 'en');
      expect(inZh, err.message).toMatch(/[\u4e00-\u9fff]/);
      expect(inZh, err.message).not.toMatch(/\b(the|file|is|not)\b/);
      expect(inEn, err.message).not.toMatch(/[\u4e00-\u9fff]/);
      expect(inEn, err.message).toMatch(/^[A-Z]/);
    }
    expect(errorText(cases[1], zh, 'zh-CN')).toBe(
      '文件已损坏：PDF 文件不完整：缺少文件结尾标记 %%EOF，可能在复制或下载时中断',
    );
    expect(errorText(cases[1], en, 'en')).toBe(
      'The file is damaged: the PDF is truncated: it has no %%EOF end marker',
    );
  });
});
