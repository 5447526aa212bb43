/**
 * The calculators' working, notes and refusals in the interface language: the shared Chinese
 * words (`shared/domain/calculators/words.ts`, also the command line's), or English from the
 * locale.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  ZH_CALC_WORDS,
  ZH_PAYMENT_WORDS,
  type CalcWords,
  type PaymentWords,
} from '../../../shared/domain/calculators/words';

/**
 * The words of a locale's `calcw.*` keys. The Chinese keys say what the shared Chinese words say
 * (test/renderer/i18n.test.ts holds them to it); the app uses the shared ones for Chinese.
 */
export function wordsFrom(t: TFunction): { calc: CalcWords; payment: PaymentWords } {
  const calc: CalcWords = {
    field: {
      base: t('calcw.field.base'),
      percent: t('calcw.field.percent'),
      cap: t('calcw.field.cap'),
      loss: t('calcw.field.loss'),
      fixed: t('calcw.field.fixed'),
      terminationPercent: t('calcw.field.terminationPercent'),
      total: t('calcw.field.total'),
    },
    notANumber: (field) => t('calcw.notANumber', { field }),
    negative: (field) => t('calcw.negative', { field }),
    wholeDays: t('calcw.wholeDays'),
    wholeOccurrences: t('calcw.wholeOccurrences'),
    chargeableDays: t('calcw.chargeableDays'),
    startsOn: (n) => t('calcw.startsOn', { n }),
    perDay: t('calcw.perDay'),
    agreedDaily: t('calcw.agreedDaily'),
    days: (n) => t('calcw.days', { count: n }),
    cap: t('calcw.cap'),
    capReached: (percent) => t('calcw.capReached', { percent }),
    termination: t('calcw.termination'),
    total: t('calcw.total'),
    terminationRight: (reached, days) =>
      t(reached ? 'calcw.terminationReached' : 'calcw.terminationExceeded', { days }),
    terminationNotChosen: t('calcw.terminationNotChosen'),
    terminationNotReached: (days) => t('calcw.terminationNotReached', { days }),
    penalty: t('calcw.penalty'),
    perOccurrence: t('calcw.perOccurrence'),
    agreedSum: t('calcw.agreedSum'),
    times: (n) => t('calcw.times', { count: n }),
    higherOfLoss: t('calcw.higherOfLoss'),
    occurrencesReached: (n) => t('calcw.occurrencesReached', { n }),
    courtOverLoss: (excess) => t('calcw.courtOverLoss', { excess }),
    courtShare: (share, threshold) => t('calcw.courtShare', { share, threshold }),
    courtSource: t('calcw.courtSource'),
  };
  const payment: PaymentWords = {
    event: {
      invoiceDate: t('calcw.event.invoiceDate'),
      acceptanceDate: t('calcw.event.acceptanceDate'),
      serviceEnd: t('calcw.event.serviceEnd'),
      signedOn: t('calcw.event.signedOn'),
    },
    monthEnd: (text) => t('calcw.monthEnd', { text }),
    fixedDate: (iso) => t('calcw.fixedDate', { iso }),
    noPeriod: t('calcw.noPeriod'),
    needs: (event) => t('calcw.needs', { event }),
    after: (event, from, n, unit) => t(`calcw.after.${unit}`, { event, from, count: n }),
    holidaysMissing: t('calcw.holidaysMissing'),
    invalidAmount: t('calcw.invalidAmount'),
    invalidTax: t('calcw.invalidTax'),
    excludingTax: t('calcw.excludingTax'),
    tax: t('calcw.tax'),
  };
  return { calc, payment };
}

/** The calculators' words and the payment schedule's, in the interface language. */
export function useCalcWords(): { calc: CalcWords; payment: PaymentWords } {
  const { t, i18n } = useTranslation();
  return useMemo(
    () =>
      i18n.language === 'zh-CN' ? { calc: ZH_CALC_WORDS, payment: ZH_PAYMENT_WORDS } : wordsFrom(t),
    [t, i18n.language],
  );
}
