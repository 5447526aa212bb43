/**
 * One Tab stop per list (WAI-ARIA "roving tabindex"): the list's items are reached with the
 * arrow keys (↑/↓, and ←/→ where the list runs across), Home and End, while Tab leaves the list
 * at once. The item last focused keeps the stop, so Tab back returns to it.
 */
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';

/** What an item of a roving list takes: its tab index, its ref and its focus handler. */
export interface RovingItemProps {
  tabIndex: 0 | -1;
  ref: (el: HTMLElement | null) => void;
  onFocus: () => void;
  'data-roving': true;
}

/**
 * Roving focus over `count` items.
 * @returns `itemProps(i)` to spread on item `i`, `onKeyDown` for the list element
 */
export function useRoving(count: number): {
  itemProps: (i: number) => RovingItemProps;
  onKeyDown: (e: KeyboardEvent) => void;
} {
  const [active, setActive] = useState(0);
  const items = useRef<(HTMLElement | null)[]>([]);
  const current = Math.max(0, Math.min(active, count - 1));
  const itemProps = useCallback(
    (i: number): RovingItemProps => ({
      tabIndex: i === current ? 0 : -1,
      ref: (el) => {
        items.current[i] = el;
      },
      onFocus: () => setActive(i),
      'data-roving': true,
    }),
    [current],
  );
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      // Keys typed into a field inside an item are the field's.
      const target = e.target as HTMLElement;
      if (!target.hasAttribute('data-roving')) return;
      const last = count - 1;
      const next =
        e.key === 'ArrowDown' || e.key === 'ArrowRight'
          ? Math.min(last, current + 1)
          : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
            ? Math.max(0, current - 1)
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? last
                : null;
      if (next === null || count === 0) return;
      e.preventDefault();
      setActive(next);
      items.current[next]?.focus();
    },
    [count, current],
  );
  return { itemProps, onKeyDown };
}
