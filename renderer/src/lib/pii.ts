/**
 * Personal data on screen: resident ID and mobile numbers in the panels' quotes, messages and
 * values are masked (`320321********4212`, `138****5678`, `shared/domain/pii.ts`) until the
 * reviewer reveals them for the contract open, as every export masks them. The document itself
 * (the PDF or the text beside the panels) is shown as it is.
 */
import { createContext, useCallback, useContext } from 'react';
import { maskPersonalData } from '../../../shared/domain/pii';

/** Whether the reviewer has revealed personal data in the contract open. */
export const RevealContext = createContext(false);

/** `text` as the panels show it: masked unless revealed. */
export function usePersonalData(): (text: string) => string {
  const revealed = useContext(RevealContext);
  return useCallback((text: string) => (revealed ? text : maskPersonalData(text)), [revealed]);
}
