/**
 * Reviewer annotations: a highlight anchored in PDF user space (rectangles per page, so it lands
 * on the same words at any zoom) plus the quoted text (to re-find it if coordinates drift), with
 * a comment, tags, a status (待审 / 有疑问 / 已确认) and the reviewer's name. Every change is kept
 * in an audit trail; deleting is a soft delete that can be undone. Pure: callers pass ids and times.
 */
import type { Anchor } from './document';

/** REPORT-style annotation status: pending 待审, question 有疑问, confirmed 已确认. */
export type AnnotationStatus = 'pending' | 'question' | 'confirmed';

export const ANNOTATION_STATUS_LABELS: Record<AnnotationStatus, string> = {
  pending: '待审',
  question: '有疑问',
  confirmed: '已确认',
};

/** One entry of an annotation's audit trail. */
export interface AnnotationChange {
  at: string;
  by: string;
  /** `conflict`: edited on two machines at once (team sync); the later edit was kept. */
  action: 'created' | 'updated' | 'deleted' | 'restored' | 'conflict';
  /** Field → new value, for updates. */
  changes?: Record<string, string | string[]>;
}

/** An annotation on a contract. */
export interface Annotation {
  id: string;
  anchor: Anchor;
  comment: string;
  tags: string[];
  status: AnnotationStatus;
  reviewer: string;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  history: AnnotationChange[];
  /** Fingerprint of the installation whose signed bundle brought it (absent: made here). */
  via?: string;
}

/** A reviewer's sign-off of a contract's review. */
export interface SignOff {
  by: string;
  at: string;
  note: string;
  /** Fingerprint of the installation whose signed bundle brought it (absent: made here). */
  via?: string;
  /**
   * The signing installation's Ed25519 signature of the original's SHA-256, the report's digest
   * (as exported) and `by`, `at`, `note` (`electron/main/signoff.ts`); absent on older ones.
   */
  signature?: { publicKey: string; reportSha256: string; value: string };
}

/** A new annotation. */
export function createAnnotation(input: {
  id: string;
  anchor: Anchor;
  comment: string;
  tags: string[];
  status: AnnotationStatus;
  by: string;
  at: string;
}): Annotation {
  return {
    id: input.id,
    anchor: input.anchor,
    comment: input.comment,
    tags: input.tags,
    status: input.status,
    reviewer: input.by,
    createdAt: input.at,
    updatedAt: input.at,
    deleted: false,
    history: [{ at: input.at, by: input.by, action: 'created' }],
  };
}

/** An edit of an annotation (comment, tags, status) or a delete/restore, and who makes it. */
export interface AnnotationEdit {
  comment?: string;
  tags?: string[];
  status?: AnnotationStatus;
  deleted?: boolean;
  by: string;
}

/** Applies an edit or a delete/restore at `at` (ISO time), recording it in the history. */
export function changeAnnotation(
  a: Annotation,
  change: AnnotationEdit & { at: string },
): Annotation {
  const changes: Record<string, string | string[]> = {};
  if (change.comment !== undefined && change.comment !== a.comment)
    changes.comment = change.comment;
  if (change.tags !== undefined && change.tags.join(',') !== a.tags.join(','))
    changes.tags = change.tags;
  if (change.status !== undefined && change.status !== a.status) changes.status = change.status;
  const action: AnnotationChange['action'] =
    change.deleted === true && !a.deleted
      ? 'deleted'
      : change.deleted === false && a.deleted
        ? 'restored'
        : 'updated';
  if (action === 'updated' && !Object.keys(changes).length) return a;
  return {
    ...a,
    comment: change.comment ?? a.comment,
    tags: change.tags ?? a.tags,
    status: change.status ?? a.status,
    deleted: change.deleted ?? a.deleted,
    updatedAt: change.at,
    history: [
      ...a.history,
      { at: change.at, by: change.by, action, ...(action === 'updated' ? { changes } : {}) },
    ],
  };
}

/**
 * Merges two copies of a contract's annotations (from two machines): every annotation of either
 * side is kept; when both sides changed the same one, the later `updatedAt` wins and the audit
 * trails are joined.
 */
export function mergeAnnotations(mine: Annotation[], theirs: Annotation[]): Annotation[] {
  const byId = new Map(mine.map((a) => [a.id, a]));
  for (const t of theirs) {
    const m = byId.get(t.id);
    if (!m) byId.set(t.id, t);
    else {
      const newer = t.updatedAt > m.updatedAt ? t : m;
      const seen = new Set<string>();
      const history = [...m.history, ...t.history]
        .filter((h) => {
          const k = `${h.at}|${h.by}|${h.action}|${JSON.stringify(h.changes ?? {})}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        })
        .sort((x, y) => x.at.localeCompare(y.at));
      byId.set(t.id, { ...newer, history });
    }
  }
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
