/**
 * The calculators' working, notes and refusals in the interface language: the shared Chinese
 * words (`shared/domain/calculators/words.ts`, also the command line's and the exports') or the
 * shared English ones (`words-en.ts`, also main's for checklist rows in English).
 */
import { useTranslation } from 'react-i18next';
import {
  ZH_CALC_WORDS,
  ZH_PAYMENT_WORDS,
  type CalcWords,
  type PaymentWords,
} from '../../../shared/domain/calculators/words';
import { EN_CALC_WORDS, EN_PAYMENT_WORDS } from '../../../shared/domain/calculators/words-en';

/** The calculators' words and the payment schedule's, in the interface language. */
export function useCalcWords(): { calc: CalcWords; payment: PaymentWords } {
  const { i18n } = useTranslation();
  return i18n.language === 'en'
    ? { calc: EN_CALC_WORDS, payment: EN_PAYMENT_WORDS }
    : { calc: ZH_CALC_WORDS, payment: ZH_PAYMENT_WORDS };
}
