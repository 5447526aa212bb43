/**
 * A date typed as Chinese documents write it, `YYYY-MM-DD`, the same in every interface language
 * (a browser's date input follows the operating system's locale, `mm/dd/yyyy` on an English
 * one). Checked on each change: a complete, real date is passed on; anything else is marked
 * invalid and says why, and an emptied field passes `''`.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The field; `onChange` gets a valid ISO date or `''`. */
export function DateField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string | null | undefined;
  onChange: (iso: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const invalid = text !== '' && !isIsoDate(text);
  return (
    <label className="date-field">
      {label}
      <input
        value={text}
        inputMode="numeric"
        placeholder={t('date.placeholder')}
        maxLength={10}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        data-testid={testId}
        onChange={(e) => {
          const next = e.target.value.trim();
          setText(next);
          if (next === '' || isIsoDate(next)) onChange(next);
        }}
      />
      {invalid && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {t('date.invalid')}
        </span>
      )}
    </label>
  );
}
