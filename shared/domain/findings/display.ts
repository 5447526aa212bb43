/**
 * Findings as a reviewer reads them in a list: the message without the rule's own name in front
 * (`日期不完整：“2024年 月 日”` under the heading 日期不完整 reads `“2024年 月 日”`), and alike
 * findings — the same rule and message on the same words, e.g. two blank `代表人` fields of one
 * signature table — as one line with the number of places.
 */

/**
 * `message` without `ruleLabel` and its colon in front, or the whole message when it does not
 * begin with it. E.g. (`日期不完整：“2024年 月 日”`, `日期不完整`) → `“2024年 月 日”`.
 */
export function messageWithoutRule(message: string, ruleLabel: string): string {
  for (const sep of ['：', ':', ' '])
    if (message.startsWith(ruleLabel + sep)) return message.slice(ruleLabel.length + sep.length);
  return message;
}

/** Alike findings as one: the first, and every one of them in document order. */
export interface FindingGroup<F> {
  first: F;
  all: F[];
}

/**
 * Groups findings that say the same (rule and message) about the same words (quote), keeping the
 * order of their first appearance.
 */
export function groupFindings<F extends { ruleId: string; message: string; quote: string }>(
  findings: readonly F[],
): FindingGroup<F>[] {
  const groups = new Map<string, FindingGroup<F>>();
  for (const f of findings) {
    const key = `${f.ruleId}\u0000${f.message}\u0000${f.quote}`;
    const g = groups.get(key);
    if (g) g.all.push(f);
    else groups.set(key, { first: f, all: [f] });
  }
  return [...groups.values()];
}
