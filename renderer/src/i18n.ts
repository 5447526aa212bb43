/**
 * i18next setup: the interface in Chinese (`zh-CN`, the default) or English (`en`), one language
 * at a time. The Chinese names of the report's vocabularies come from `shared/domain/labels.ts`
 * (the command line and the exports use the same), so they are written once; `en.json` gives
 * their English. The language chosen in settings is kept by main (`app:setLanguage`).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import {
  BASE_LABELS,
  FREQUENCY_LABELS,
  KIND_LABELS,
  METRIC_LABELS,
  NDA_SOURCE_LABELS,
  NDA_TERM_LABELS,
  PART_LABELS,
  PARTY_LABELS,
  RULE_LABELS,
  SEVERITY_LABELS,
  TRIGGER_LABELS,
} from '../../shared/domain/labels';
import { TRIAGE_LABELS } from '../../shared/domain/triage';
import { CHECKLIST_STATUS_LABELS } from '../../shared/domain/obligations/schedule';
import { ANNOTATION_STATUS_LABELS } from '../../shared/domain/annotations';
import { CATEGORY_LABELS } from '../../shared/domain/clauses/categories';
import type { Language } from '../../shared/ipc/contract';

/** The Chinese vocabularies, under `vocab.*` as `en.json` has them. */
export const ZH_VOCAB = {
  trigger: TRIGGER_LABELS,
  kind: KIND_LABELS,
  base: BASE_LABELS,
  metric: METRIC_LABELS,
  frequency: FREQUENCY_LABELS,
  severity: SEVERITY_LABELS,
  rule: RULE_LABELS,
  ndaSource: NDA_SOURCE_LABELS,
  ndaTerm: NDA_TERM_LABELS,
  part: PART_LABELS,
  triage: TRIAGE_LABELS,
  party: PARTY_LABELS,
  checklistStatus: CHECKLIST_STATUS_LABELS,
  annotationStatus: ANNOTATION_STATUS_LABELS,
  category: CATEGORY_LABELS,
};

/** Every interface language with its resources. */
export const RESOURCES = {
  'zh-CN': { translation: { ...zhCN, vocab: ZH_VOCAB } },
  en: { translation: en },
} satisfies Record<Language, unknown>;

void i18next.use(initReactI18next).init({
  lng: 'zh-CN',
  fallbackLng: false,
  // A key with no words in the language shows as the key (and test/renderer/i18n.test.ts fails).
  returnNull: false,
  resources: RESOURCES,
  nsSeparator: false,
  interpolation: { escapeValue: false },
});

/** Shows the interface in `language` (and tells the document, for fonts and screen readers). */
export async function applyLanguage(language: Language): Promise<void> {
  // Typed without the DOM library: the tests load this module in Node.
  const doc = (globalThis as { document?: { documentElement: { lang: string } } }).document;
  if (doc) doc.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export default i18next;
