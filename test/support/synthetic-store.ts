/**
 * Stores of many contracts made quickly for the store's scale tests and the store bench: one
 * seed read and analysed once, then imported through the store's own API as distinct files (the
 * seed's bytes with a line of their own appended, so each has its own SHA-256), with the analysis
 * reused instead of repeated. Every record has the seed's real size: text, report, boxes.
 */
import fs from 'node:fs';
import type { ParseFn, ParsedContract } from '../../electron/main/isolation/parse';
import { parseContract } from '../../electron/main/isolation/parse';
import type { ContractStore } from '../../electron/main/store/store';

/** A parse function that reads `file` once and hands its analysis to every import. */
export function reusedParse(file: string): { parse: ParseFn; bytes: Uint8Array } {
  const bytes = new Uint8Array(fs.readFileSync(file));
  let parsed: Promise<ParsedContract> | null = null;
  const parse: ParseFn = async () => {
    parsed ??= parseContract(file, bytes);
    const p = await parsed;
    return { ...p, report: structuredClone(p.report) };
  };
  return { parse, bytes };
}

/** The bytes of synthetic contract number `i`: the seed with `#<i>` appended. */
export function syntheticBytes(seed: Uint8Array, i: number): Uint8Array {
  const tail = new TextEncoder().encode(`\n#synthetic-${i}\n`);
  const out = new Uint8Array(seed.length + tail.length);
  out.set(seed);
  out.set(tail, seed.length);
  return out;
}

/** Imports synthetic contracts `from` … `from + count - 1` into `store`, calling `ack` after each. */
export async function importSynthetic(
  store: ContractStore,
  seed: Uint8Array,
  ext: string,
  from: number,
  count: number,
  ack?: (id: string) => void,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) {
    const { contract } = await store.importContract(
      `synthetic-${i}${ext}`,
      syntheticBytes(seed, i),
      { now: new Date(Date.UTC(2026, 0, 1) + i * 60_000) },
    );
    ids.push(contract.id);
    ack?.(contract.id);
  }
  return ids;
}
