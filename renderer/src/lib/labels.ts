/**
 * The report's vocabularies (REPORT.md) in the interface language: who (甲方 / Party A), which
 * breach, how a penalty is charged, a rule's name, a duration, the review scope. The Chinese
 * words are the command line's and the exports' (`shared/domain/labels.ts`); the English come
 * from `locales/en.json`.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  formatMinutes,
  penaltyRateLabel,
  scopeLabel,
  ZH_DURATION_WORDS,
  ZH_RATE_WORDS,
  ZH_SCOPE_WORDS,
  type DurationWords,
  type RateWords,
  type ScopeWords,
} from '../../../shared/domain/labels';
import { RESOURCES, ZH_VOCAB } from '../i18n';
import type { Language } from '../../../shared/ipc/contract';

type Vocab = typeof ZH_VOCAB;
type VocabName = keyof Vocab;

/** The labels of one language (see module doc). */
export interface Labels {
  /** A vocabulary's word for `value`, or `value` itself when the vocabulary has none. */
  word(vocab: VocabName, value: string): string;
  party(role: 'partyA' | 'partyB'): string;
  rule(ruleId: string): string;
  penaltyRate(p: Parameters<typeof penaltyRateLabel>[0], withUnit?: boolean): string;
  minutes(n: number): string;
  scope(scope: Parameters<typeof scopeLabel>[0]): string;
}

/** The words functions of `lang` (Chinese: the shared ones; English: from `t`). */
function words(lang: Language, t: TFunction) {
  if (lang === 'zh-CN')
    return { rate: ZH_RATE_WORDS, duration: ZH_DURATION_WORDS, scope: ZH_SCOPE_WORDS };
  const rate: RateWords = {
    actualLoss: t('fmt.rate.actualLoss'),
    forfeitsBond: t('fmt.rate.forfeitsBond'),
    lpr: t('fmt.rate.lpr'),
    loanRate: t('fmt.rate.loanRate'),
    feeMonths: (n) => t('fmt.rate.feeMonths', { n }),
    blank: t('fmt.rate.blank'),
    perDay: t('fmt.rate.perDay'),
    perOccurrence: t('fmt.rate.perOccurrence'),
  };
  const duration: DurationWords = {
    days: (n) => t('fmt.duration.days', { count: n }),
    hours: (n) => t('fmt.duration.hours', { count: n }),
    hoursMinutes: (h, m) => t('fmt.duration.hoursMinutes', { h, m }),
    minutes: (n) => t('fmt.duration.minutes', { count: n }),
  };
  const scope: ScopeWords = {
    whole: t('fmt.scope.whole'),
    part: (what, pages) => t('fmt.scope.part', { what, pages }),
    contractPart: t('fmt.scope.contractPart'),
    page: (n) => t('fmt.scope.page', { n }),
    pages: (from, to) => t('fmt.scope.pages', { from, to }),
  };
  return { rate, duration, scope };
}

/** The labels of `lang`, worded with `t` where the shared Chinese words do not apply. */
export function labelsFor(lang: Language, t: TFunction): Labels {
  const vocab: Vocab = lang === 'zh-CN' ? ZH_VOCAB : (RESOURCES.en.translation.vocab as Vocab);
  const w = words(lang, t);
  const word = (name: VocabName, value: string) =>
    (vocab[name] as Record<string, string>)[value] ?? value;
  return {
    word,
    party: (role) => word('party', role),
    rule: (id) => word('rule', id),
    penaltyRate: (p, withUnit = true) => penaltyRateLabel(p, withUnit, w.rate),
    minutes: (n) => formatMinutes(n, w.duration),
    scope: (s) => scopeLabel(s, w.scope),
  };
}

/** The labels in the interface language, remade when it changes. */
export function useLabels(): Labels {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language in RESOURCES ? i18n.language : 'zh-CN') as Language;
  return useMemo(() => labelsFor(lang, t), [lang, t]);
}
