/**
 * The reviewer's name field, the same wherever a change is signed (checklist, annotations,
 * triage, settings): main signs with the name it keeps (`settings:setReviewer`), and each edit
 * here saves it (`useReviewer`).
 */
import { useTranslation } from 'react-i18next';
import type { ReviewerName } from '../lib/reviewer';

/** A labelled input bound to `name`; `testId` names it for the end-to-end tests. */
export function ReviewerField({ name, testId }: { name: ReviewerName; testId: string }) {
  const { t } = useTranslation();
  return (
    <label className="reviewer-field">
      {t('reviewer.label')}
      <input
        value={name.reviewer}
        onChange={(e) => name.setReviewer(e.target.value)}
        placeholder={t('reviewer.placeholder')}
        data-testid={testId}
      />
    </label>
  );
}
