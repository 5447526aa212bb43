/**
 * `npm run corpus [-- --all] [DIR…]`: reviews the seeds (every format) and the real-document
 * corpus and scores each report against its hand-read key; prints recall and false items per
 * document and in total. `--all` lists every missed fact and false item (default: the first 6).
 */
import { CORPUS_DIR, SEEDS_DIR, scoreDir, totals } from '../support/corpus';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const dirs = args.filter((a) => !a.startsWith('--'));
  for (const dir of dirs.length ? dirs : [SEEDS_DIR, CORPUS_DIR]) {
    const scores = await scoreDir(dir);
    console.log(`\n== ${dir}`);
    for (const s of scores) {
      const detail = [
        ...(s.error ? [s.error] : []),
        ...s.missing.map((m) => `missing ${m}`),
        ...s.extraItems.map((x) => `extra ${x}`),
      ];
      console.log(
        `${s.file}: ${s.matched}/${s.facts} facts, ${s.extra} extra of ${s.listed} listed`,
      );
      for (const d of all ? detail : detail.slice(0, 6)) console.log(`    ${d}`);
    }
    const t = totals(scores);
    console.log(
      `total: ${t.matched}/${t.facts} facts (${t.recallPercent.toFixed(1)} %), ${t.extra} extra of ${t.listed} listed (${t.extraPercent.toFixed(1)} %), ${scores.length} documents`,
    );
  }
}

void main();
