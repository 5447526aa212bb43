/**
 * The reviewer's name, as main keeps it for this installation (`settings:get`): every
 * annotation, checklist change and sign-off is signed with it by main, never with what the
 * renderer sends. The field that edits it saves each change; {@link ReviewerName.saved} waits for
 * the last save, so a change made right after typing is signed with the name just typed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from './ipc';

/** The name, its setter, and a promise of the last save. */
export interface ReviewerName {
  reviewer: string;
  setReviewer(name: string): void;
  saved(): Promise<void>;
}

/** The installation's reviewer name (see module doc). */
export function useReviewer(): ReviewerName {
  const [reviewer, setName] = useState('');
  const pending = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    void call('settings:get', {}).then(
      (r) => r.reviewer && setName(r.reviewer),
      () => undefined,
    );
  }, []);
  const setReviewer = useCallback((name: string) => {
    setName(name);
    if (!name.trim()) return;
    const next = pending.current.then(() =>
      call('settings:setReviewer', { reviewer: name }).catch(() => undefined),
    );
    pending.current = next;
  }, []);
  const saved = useCallback(async () => {
    await pending.current;
  }, []);
  return { reviewer, setReviewer, saved };
}
