/**
 * The holiday calendar that working-day deadlines count with (`calendar:get` / `calendar:set`):
 * the PRC State Council's arrangements for the shipped years, each year's holidays and
 * adjusted working days (调休上班) editable one `YYYY-MM-DD` a line; other years count weekends
 * only.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidayCalendar } from '../../../../shared/domain/calendar/holidays';
import { call } from '../../lib/ipc';
import { useErrorText } from '../../lib/errors';

/** The dates of a text box: one `YYYY-MM-DD` per line (any white space separates). */
function dates(text: string): string[] {
  return text
    .split(/\s+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** The calendar's editor (see module doc). */
export function CalendarEditor() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [calendar, setCalendar] = useState<HolidayCalendar | null>(null);
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [years, setYears] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const show = (c: HolidayCalendar) => {
    setCalendar(c);
    setHolidays(c.holidays.join('\n'));
    setWorkdays(c.workdays.join('\n'));
    setYears(c.years.join(', '));
  };
  useEffect(() => {
    void call('calendar:get', {}).then(show);
  }, []);
  if (!calendar) return <p className="loading">{t('common.loading')}</p>;
  const save = async () => {
    const edited = t('calendar.editedSuffix');
    try {
      const next = await call('calendar:set', {
        calendar: {
          years: years
            .split(/[,，\s]+/)
            .filter(Boolean)
            .map(Number),
          holidays: dates(holidays),
          workdays: dates(workdays),
          source: calendar.source.endsWith(edited) ? calendar.source : calendar.source + edited,
        },
      });
      show(next);
      setMessage({ ok: true, text: t('common.saved') });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };
  return (
    <div className="calendar-editor" data-testid="calendar-editor">
      <p className="hint">
        {t('calendar.summary', { years: calendar.years.join(', ') })}{' '}
        <cite lang="zh-CN">{calendar.source}</cite>
        {t('calendar.otherYears')}
      </p>
      <div className="calc-grid">
        <label>
          {t('calendar.years')}
          <input value={years} onChange={(e) => setYears(e.target.value)} />
        </label>
        <span />
        <label>
          {t('calendar.holidays')}
          <textarea rows={6} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        </label>
        <label>
          {t('calendar.workdays')}
          <textarea rows={6} value={workdays} onChange={(e) => setWorkdays(e.target.value)} />
        </label>
      </div>
      <button onClick={() => void save()} data-testid="calendar-save">
        {t('calendar.save')}
      </button>{' '}
      {message && (
        <span className={message.ok ? 'hint' : 'warn'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
