/**
 * Annotations: a new one from the text selected in the document (comment, tags, status 待审 /
 * 有疑问 / 已确认, reviewer), the list with filters, inline edits, delete with undo, each one's
 * history, and the reviewer's sign-off of the contract.
 */
import { useState } from 'react';
import {
  ANNOTATION_STATUS_LABELS,
  type Annotation,
  type AnnotationStatus,
  type SignOff,
} from '../../../../shared/domain/annotations';
import type { Anchor } from '../../lib/report-types';
import { call } from '../../lib/ipc';
import { useReviewer } from '../../lib/reviewer';

const STATUSES = Object.keys(ANNOTATION_STATUS_LABELS) as AnnotationStatus[];

/** The review status of an annotation: 待审 / 有疑问 / 已确认. */
function StatusSelect({
  value,
  onChange,
}: {
  value: AnnotationStatus;
  onChange: (status: AnnotationStatus) => void;
}) {
  return (
    <select
      value={value}
      onChange={(e) => onChange(e.target.value as AnnotationStatus)}
      aria-label="状态"
    >
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {ANNOTATION_STATUS_LABELS[s]}
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
  const { reviewer, setReviewer, saved } = useReviewer();
  const [comment, setComment] = useState('');
  const [tags, setTags] = useState('');
  const [status, setStatus] = useState<AnnotationStatus>('pending');
  const [filter, setFilter] = useState<'all' | AnnotationStatus>('all');
  const [tagFilter, setTagFilter] = useState('');
  const [undo, setUndo] = useState<Annotation | null>(null);
  const [signNote, setSignNote] = useState('');
  const replace = (a: Annotation) => onChange(annotations.map((x) => (x.id === a.id ? a : x)));
  const saveReviewer = (v: string) => setReviewer(v);
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
        <label>
          审阅人
          <input
            value={reviewer}
            onChange={(e) => saveReviewer(e.target.value)}
            placeholder="姓名"
            data-testid="ann-reviewer"
          />
        </label>
        <select
          value={filter}
          onChange={(e) => setFilter(e.target.value as typeof filter)}
          aria-label="按状态筛选"
        >
          <option value="all">全部</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {ANNOTATION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        {allTags.length > 0 && (
          <select
            value={tagFilter}
            onChange={(e) => setTagFilter(e.target.value)}
            aria-label="按标签筛选"
          >
            <option value="">全部标签</option>
            {allTags.map((t) => (
              <option key={t} value={t}>
                #{t}
              </option>
            ))}
          </select>
        )}
      </div>
      {draft ? (
        <form
          className="ann-draft"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
          data-testid="ann-draft"
        >
          <div className="quote">“{draft.quote.slice(0, 120)}”</div>
          <textarea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="批注意见"
            rows={3}
            data-testid="ann-comment"
          />
          <input
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            placeholder="标签（逗号分隔）"
            data-testid="ann-tags"
          />
          <StatusSelect value={status} onChange={setStatus} />
          <button className="primary" type="submit" data-testid="ann-save">
            添加批注
          </button>
          <button type="button" onClick={onDraftDone}>
            取消
          </button>
        </form>
      ) : (
        <p className="hint">在右侧文档中选中文字即可添加批注。</p>
      )}
      {undo && (
        <div className="notice undo" role="status">
          已删除批注
          <button
            className="link"
            data-testid="ann-undo"
            onClick={async () => {
              await change(undo, { deleted: false });
              setUndo(null);
            }}
          >
            撤销
          </button>
        </div>
      )}
      <ul className="ann-list">
        {shown.map((a) => (
          <li
            key={a.id}
            className={selectedKey === `ann:${a.id}` ? 'selected' : ''}
            data-annotation-item={a.id}
          >
            <button className="link quote" onClick={() => onSelect(`ann:${a.id}`, a.anchor)}>
              “{a.anchor.quote.slice(0, 60)}”
            </button>
            <div className="ann-edit">
              <StatusSelect value={a.status} onChange={(st) => void change(a, { status: st })} />
              <input
                defaultValue={a.comment}
                aria-label="批注意见"
                onBlur={(e) =>
                  e.target.value !== a.comment && void change(a, { comment: e.target.value })
                }
              />
              <button
                className="danger"
                onClick={async () => {
                  setUndo(await change(a, { deleted: true }));
                }}
                data-testid="ann-delete"
              >
                删除
              </button>
            </div>
            <div
              className="sub"
              title={a.history.map((h) => `${h.at} ${h.by} ${h.action}`).join('\n')}
            >
              {a.tags.map((t) => `#${t}`).join(' ')} {a.reviewer} ·{' '}
              {a.updatedAt.slice(0, 16).replace('T', ' ')}
              {a.anchor.positions[0] ? ` · p.${a.anchor.positions[0].pageIndex + 1}` : ''}
            </div>
          </li>
        ))}
      </ul>
      <section className="sign-off" data-testid="sign-off">
        <h2>审阅签字</h2>
        {signOff ? (
          <p>
            {signOff.by} 于 {signOff.at.slice(0, 16).replace('T', ' ')} 签字确认
            {signOff.note ? `：${signOff.note}` : ''}
            <button
              className="link"
              onClick={async () =>
                onSignOff(
                  (await call('contracts:signOff', { id: contractId, note: '', withdraw: true }))
                    .signOff as SignOff | null,
                )
              }
            >
              撤回
            </button>
          </p>
        ) : (
          <div className="ann-edit">
            <input
              value={signNote}
              onChange={(e) => setSignNote(e.target.value)}
              placeholder="审阅意见（可选）"
            />
            <button
              className="primary"
              disabled={!reviewer}
              onClick={async () => {
                await saved();
                onSignOff(
                  (await call('contracts:signOff', { id: contractId, note: signNote }))
                    .signOff as SignOff,
                );
              }}
            >
              签字确认
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
