/**
 * Annotations: a new one from the text selected in the document (comment, tags, status 待审 /
 * 有疑问 / 已确认, reviewer), the list with filters, inline edits, delete with undo, each one's
 * history, and the reviewer's sign-off of the contract.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANNOTATION_STATUS_LABELS,
  type Annotation,
  type AnnotationStatus,
  type SignOff,
} from '../../../../shared/domain/annotations';
import type { Anchor } from '../../lib/report-types';
import { call } from '../../lib/ipc';
import { useReviewer } from '../../lib/reviewer';
import { useErrorText } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import { formatTime } from '../../lib/format';
import { ReviewerField } from '../../components/ReviewerField';
import { usePersonalData } from '../../lib/pii';

const STATUSES = Object.keys(ANNOTATION_STATUS_LABELS) as AnnotationStatus[];

/** The review status of an annotation: 待审 / 有疑问 / 已确认. */
function StatusSelect({
  value,
  onChange,
}: {
  value: AnnotationStatus;
  onChange: (status: AnnotationStatus) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <select
      value={value}
      onChange={(e) => onChange(e.target.value as AnnotationStatus)}
      aria-label={t('annotations.status')}
    >
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {labels.word('annotationStatus', s)}
        </option>
      ))}
    </select>
  );
}

export function AnnotationsPanel({
  contractId,
  annotations,
  onChange,
  draft,
  onDraftDone,
  signOff,
  onSignOff,
  selectedKey,
  onSelect,
}: {
  contractId: string;
  annotations: Annotation[];
  onChange: (list: Annotation[]) => void;
  draft: Anchor | null;
  onDraftDone: () => void;
  signOff: SignOff | null;
  onSignOff: (s: SignOff | null) => void;
  selectedKey: string | null;
  onSelect: (key: string, anchor: Anchor) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useErrorText();
  const pii = usePersonalData();
  const reviewerName = useReviewer();
  const { reviewer, saved } = reviewerName;
  const [error, setError] = useState<string | null>(null);
  /** Runs one change; a refusal is shown, not lost. */
  const attempt = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const [comment, setComment] = useState('');
  const [tags, setTags] = useState('');
  const [status, setStatus] = useState<AnnotationStatus>('pending');
  const [filter, setFilter] = useState<'all' | AnnotationStatus>('all');
  const [tagFilter, setTagFilter] = useState('');
  const [undo, setUndo] = useState<Annotation | null>(null);
  const [signNote, setSignNote] = useState('');
  const replace = (a: Annotation) => onChange(annotations.map((x) => (x.id === a.id ? a : x)));
  const create = async () => {
    if (!draft) return;
    await saved();
    const res = await call('annotations:create', {
      id: contractId,
      anchor: draft,
      comment,
      tags: tags.split(/[,，\s]+/).filter(Boolean),
      status,
    });
    onChange([...annotations, res.annotation as Annotation]);
    setComment('');
    setTags('');
    onDraftDone();
  };
  const change = async (
    a: Annotation,
    patch: { comment?: string; status?: AnnotationStatus; deleted?: boolean },
  ) => {
    await saved();
    const res = await call('annotations:change', {
      id: contractId,
      annotationId: a.id,
      ...patch,
    });
    replace(res.annotation as Annotation);
    return res.annotation as Annotation;
  };
  const allTags = [...new Set(annotations.filter((a) => !a.deleted).flatMap((a) => a.tags))].sort();
  const shown = annotations.filter(
    (a) =>
      !a.deleted &&
      (filter === 'all' || a.status === filter) &&
      (!tagFilter || a.tags.includes(tagFilter)),
  );
  return (
    <div className="annotations" data-testid="annotations">
      <div className="check-toolbar">
        <ReviewerField name={reviewerName} testId="ann-reviewer" />
        <select
          value={filter}
          onChange={(e) => setFilter(e.target.value as typeof filter)}
          aria-label={t('annotations.statusFilter')}
        >
          <option value="all">{t('common.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels.word('annotationStatus', s)}
            </option>
          ))}
        </select>
        {allTags.length > 0 && (
          <select
            value={tagFilter}
            onChange={(e) => setTagFilter(e.target.value)}
            aria-label={t('annotations.tagFilter')}
          >
            <option value="">{t('annotations.allTags')}</option>
            {allTags.map((tag) => (
              <option key={tag} value={tag}>
                #{tag}
              </option>
            ))}
          </select>
        )}
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {draft ? (
        <form
          className="ann-draft"
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(create);
          }}
          data-testid="ann-draft"
        >
          <div className="quote" lang="zh-CN">
            “{pii(draft.quote.slice(0, 120))}”
          </div>
          <textarea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('annotations.comment')}
            aria-label={t('annotations.comment')}
            rows={3}
            data-testid="ann-comment"
          />
          <input
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            placeholder={t('annotations.tags')}
            aria-label={t('annotations.tags')}
            data-testid="ann-tags"
          />
          <StatusSelect value={status} onChange={setStatus} />
          <button className="primary" type="submit" data-testid="ann-save">
            {t('annotations.add')}
          </button>
          <button type="button" onClick={onDraftDone}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <p className="hint">{t('annotations.howTo')}</p>
      )}
      {undo && (
        <div className="notice undo" role="status">
          {t('annotations.deleted')}
          <button
            className="link"
            data-testid="ann-undo"
            onClick={() =>
              void attempt(async () => {
                await change(undo, { deleted: false });
                setUndo(null);
              })
            }
          >
            {t('common.undo')}
          </button>
        </div>
      )}
      {shown.length === 0 && !draft && (
        <p className="empty-small">
          {annotations.some((a) => !a.deleted) ? t('annotations.noMatch') : t('annotations.none')}
        </p>
      )}
      <ul className="ann-list">
        {shown.map((a) => (
          <li
            key={a.id}
            className={selectedKey === `ann:${a.id}` ? 'selected' : ''}
            data-annotation-item={a.id}
          >
            <button
              className="link quote"
              onClick={() => onSelect(`ann:${a.id}`, a.anchor)}
              lang="zh-CN"
            >
              “{pii(a.anchor.quote.slice(0, 60))}”
            </button>
            <div className="ann-edit">
              <StatusSelect
                value={a.status}
                onChange={(st) => void attempt(async () => void (await change(a, { status: st })))}
              />
              <input
                defaultValue={a.comment}
                aria-label={t('annotations.comment')}
                onBlur={(e) => {
                  const comment = e.target.value;
                  if (comment !== a.comment)
                    void attempt(async () => void (await change(a, { comment })));
                }}
              />
              <button
                className="danger"
                onClick={() =>
                  void attempt(async () => setUndo(await change(a, { deleted: true })))
                }
                data-testid="ann-delete"
              >
                {t('common.delete')}
              </button>
            </div>
            <div
              className="sub"
              title={a.history
                .map((h) =>
                  t('annotations.historyLine', {
                    at: formatTime(h.at),
                    by: h.by,
                    action: t(`annotations.action.${h.action}`),
                  }),
                )
                .join('\n')}
            >
              {a.tags.map((tag) => `#${tag}`).join(' ')} {a.reviewer} · {formatTime(a.updatedAt)}
              {a.anchor.positions[0]
                ? ` · ${t('common.pageShort', { n: a.anchor.positions[0].pageIndex + 1 })}`
                : ''}
            </div>
          </li>
        ))}
      </ul>
      <section className="sign-off" data-testid="sign-off">
        <h2>{t('annotations.signOff')}</h2>
        {signOff ? (
          <p>
            {t('annotations.signedBy', { by: signOff.by, at: formatTime(signOff.at) })}
            {signOff.note ? t('annotations.signNoteSuffix', { note: signOff.note }) : ''}
            <button
              className="link"
              onClick={() =>
                void attempt(async () =>
                  onSignOff(
                    (await call('contracts:signOff', { id: contractId, note: '', withdraw: true }))
                      .signOff as SignOff | null,
                  ),
                )
              }
            >
              {t('annotations.withdraw')}
            </button>
          </p>
        ) : (
          <div className="ann-edit">
            <input
              value={signNote}
              onChange={(e) => setSignNote(e.target.value)}
              placeholder={t('annotations.signNote')}
              aria-label={t('annotations.signNote')}
            />
            <button
              className="primary"
              disabled={!reviewer}
              title={reviewer ? undefined : t('annotations.needReviewer')}
              onClick={() =>
                void attempt(async () => {
                  await saved();
                  onSignOff(
                    (await call('contracts:signOff', { id: contractId, note: signNote }))
                      .signOff as SignOff,
                  );
                })
              }
            >
              {t('annotations.sign')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
