/**
 * What changed in the catalog from one store generation to the next (`generations.ts` writes it
 * as a delta generation): the catalog entries replaced, added or removed, each changed
 * contract's NDA records, and the settings when they changed. An import into a catalog of 10,000
 * contracts then writes ~3 KB instead of rewriting ~24 MB.
 *
 * Changes are found by reference: the store replaces an entry or record it changes (it never
 * edits one in place), so an entry that is not the object read or committed last has changed.
 * A delta is only written when replaying it gives back exactly the catalog in memory, order
 * included; otherwise (a reordering, a schema change) the generation is written whole.
 */
import type { DeltaPolicy } from './generations';
import type { CatalogEntry } from './catalog';
import type { NdaRecord, StoreData } from './store';

/** What a generation was read or committed as, by reference. */
export interface CatalogSnapshot {
  schemaVersion: number;
  contracts: CatalogEntry[];
  ndaTerms: NdaRecord[];
  /** The settings (everything but contracts and NDA records) as JSON. */
  settings: string;
}

/** What changed since the parent generation. */
export interface CatalogDelta {
  /** Entries replaced in place (same id) or added at the end, in catalog order. */
  set: CatalogEntry[];
  /** Ids of entries removed. */
  removed: string[];
  /** Contracts whose NDA records were replaced: theirs removed, `records` added at the end. */
  ndaOf: string[];
  records: NdaRecord[];
  /** The settings, when they changed. */
  settings?: Omit<StoreData, 'contracts' | 'ndaTerms'>;
}

function settingsOf(d: StoreData): Omit<StoreData, 'contracts' | 'ndaTerms'> {
  const { contracts: _c, ndaTerms: _n, ...settings } = d;
  return settings;
}

function sameRefs<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function byContract(records: readonly NdaRecord[]): Map<string, NdaRecord[]> {
  const out = new Map<string, NdaRecord[]>();
  for (const r of records) {
    const list = out.get(r.contractId);
    if (list) list.push(r);
    else out.set(r.contractId, [r]);
  }
  return out;
}

/** Entries (and records) of `list` without those `drop` holds, then `add`, as a replay gives. */
function replayed<T>(list: readonly T[], drop: (x: T) => boolean, add: readonly T[]): T[] {
  return list.filter((x) => !drop(x)).concat(add);
}

/** The delta policy of the store's catalog (see module doc). */
export const CATALOG_DELTA: DeltaPolicy<StoreData, CatalogSnapshot, CatalogDelta> = {
  snapshot: (d) => ({
    schemaVersion: d.schemaVersion,
    contracts: [...d.contracts],
    ndaTerms: [...(d.ndaTerms ?? [])],
    settings: JSON.stringify(settingsOf(d)),
  }),

  diff(before, after) {
    if (after.schemaVersion !== before.schemaVersion) return null;
    const prev = new Map(before.contracts.map((e) => [e.id, e]));
    const now = new Set(after.contracts.map((e) => e.id));
    const set = after.contracts.filter((e) => prev.get(e.id) !== e);
    const removed = before.contracts.filter((e) => !now.has(e.id)).map((e) => e.id);
    // What a replay gives: entries kept in place (replaced ones too), new ones at the end.
    const gone = new Set(removed);
    const added = set.filter((e) => !prev.has(e.id));
    const order = replayed(before.contracts, (e) => gone.has(e.id), added).map((e) => e.id);
    if (
      !sameRefs(
        order,
        after.contracts.map((e) => e.id),
      )
    )
      return null;

    const was = byContract(before.ndaTerms);
    const is = byContract(after.ndaTerms ?? []);
    const ndaOf = [...new Set([...was.keys(), ...is.keys()])].filter(
      (id) => !sameRefs(was.get(id) ?? [], is.get(id) ?? []),
    );
    const changed = new Set(ndaOf);
    const records = (after.ndaTerms ?? []).filter((r) => changed.has(r.contractId));
    const ndaOrder = replayed(before.ndaTerms, (r) => changed.has(r.contractId), records);
    if (!sameRefs(ndaOrder, after.ndaTerms ?? [])) return null;

    const settings = settingsOf(after);
    const delta: CatalogDelta = { set, removed, ndaOf, records };
    if (JSON.stringify(settings) !== before.settings) delta.settings = settings;
    return delta;
  },

  apply(d, delta) {
    const { set, removed, ndaOf, records, settings } = delta;
    if (![set, removed, ndaOf, records].every(Array.isArray) || !Array.isArray(d.contracts))
      throw new Error('not a catalog delta');
    const gone = new Set(removed);
    const at = new Map(d.contracts.map((e, i) => [e.id, i]));
    const contracts = [...d.contracts];
    const added: CatalogEntry[] = [];
    for (const e of set) {
      const i = at.get(e.id);
      if (i === undefined) added.push(e);
      else contracts[i] = e;
    }
    const changed = new Set(ndaOf);
    return {
      ...(settings ?? settingsOf(d)),
      schemaVersion: d.schemaVersion,
      contracts: replayed(contracts, (e) => gone.has(e.id), added),
      ndaTerms: replayed(d.ndaTerms ?? [], (r) => changed.has(r.contractId), records),
    };
  },
};
