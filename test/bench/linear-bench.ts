/**
 * `npm run bench`, second part: how import + analysis time grows on adversarial input (see
 * `test/support/linear-time.ts`). Prints each case's time at the small and the 8-fold size and
 * their ratio; the goal is under 12 (linear is 8, quadratic 64).
 */
import { GOAL_RATIO, docxGrowth, textGrowth } from '../support/linear-time';

const rows = [...(await textGrowth()), ...(await docxGrowth())];
console.log('\nadversarial input                 small (ms)   8× (ms)   ratio');
for (const r of rows)
  console.log(
    `${r.name.padEnd(32)} ${r.smallMs.toFixed(0).padStart(10)} ${r.largeMs.toFixed(0).padStart(9)} ${r.ratio.toFixed(1).padStart(7)}`,
  );
const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
console.log(`worst growth ${worst.ratio.toFixed(1)}× (${worst.name}; goal < ${GOAL_RATIO})`);
