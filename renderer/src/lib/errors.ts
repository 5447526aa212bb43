/**
 * Errors in the interface language. Main refuses with a code (`QiyueErrorCode`), parameters and
 * a specific message written `中文 (English)`; the renderer words the code itself
 * (`errors.<code>` in the locales, with the parameters) and adds the message's part in the
 * chosen language when it says more, e.g. `文件已损坏：PDF 文件不完整：缺少文件结尾标记 %%EOF`.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { splitBilingual } from '../../../shared/domain/errors';
import { IpcCallError } from './ipc-error';

/** The error's words in `language` (see module doc); a renderer error keeps its own message. */
export function errorText(err: unknown, t: TFunction, language: string): string {
  if (!(err instanceof IpcCallError)) return err instanceof Error ? err.message : String(err);
  const key = `errors.${err.code}`;
  const head = t(key, { ...err.params, defaultValue: t('errors.internal') });
  const parts = splitBilingual(err.message);
  const detail = language === 'zh-CN' ? parts.zh : parts.en;
  if (!detail || head.includes(detail)) return head;
  if (detail.includes(head)) return detail;
  return t('errors.withDetail', { head, detail });
}

/** {@link errorText} in the interface language, as a hook. */
export function useErrorText(): (err: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback((err: unknown) => errorText(err, t, i18n.language), [t, i18n.language]);
}

/** A bilingual `中文 (English)` message from main (no code) in `language`'s part. */
export function bilingualText(message: string, language: string): string {
  const parts = splitBilingual(message);
  return language === 'zh-CN' ? parts.zh : (parts.en ?? parts.zh);
}
