/**
 * Review bundles: a ZIP that carries contracts from one air-gapped machine to another — the
 * original files, the store's records (report, checklist, scenarios, annotations, sign-off) and
 * the NDA records. Importing merges into the receiving store: new contracts are added; for a
 * contract both sides have, annotations from both sides are kept (the later edit of the same
 * annotation wins, audit trails joined), checklist states keep the later change, scenarios are
 * united.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { QiyueError } from '../../../shared/domain/errors';
import { mergeAnnotations } from '../../../shared/domain/annotations';
import type { ContractStore, NdaRecord, StoredContract } from './store';

const MANIFEST = 'qiyue-bundle.json';

interface Manifest {
  format: 'qiyue-bundle';
  version: 1;
  createdAt: string;
  contracts: { id: string; fileName: string; file: string }[];
}

/** The bundle of the given contracts (all when `ids` is null). */
export async function exportBundle(
  store: ContractStore,
  ids: string[] | null,
  now = new Date(),
): Promise<Uint8Array> {
  const all = await store.list();
  const chosen = ids ? all.filter((c) => ids.includes(c.id)) : all;
  const zip = new JSZip();
  const manifest: Manifest = {
    format: 'qiyue-bundle',
    version: 1,
    createdAt: now.toISOString(),
    contracts: [],
  };
  for (const c of chosen) {
    const { bytes } = await store.readOriginal(c.id);
    zip.file(`files/${path.basename(c.file)}`, bytes);
    zip.file(`records/${c.id}.json`, JSON.stringify(c));
    zip.file(`nda/${c.id}.json`, JSON.stringify(await store.ndaTerms(c.id)));
    manifest.contracts.push({
      id: c.id,
      fileName: c.fileName,
      file: `files/${path.basename(c.file)}`,
    });
  }
  zip.file(MANIFEST, JSON.stringify(manifest, null, 1));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** What an import did. */
export interface BundleImportResult {
  added: string[];
  merged: string[];
}

function laterState<T extends { history: { at: string }[] }>(
  a: T | undefined,
  b: T | undefined,
): T | undefined {
  if (!a) return b;
  if (!b) return a;
  const last = (s: T) => s.history[s.history.length - 1]?.at ?? '';
  return last(b) > last(a) ? b : a;
}

/**
 * Imports a bundle into the store, merging as described in the module doc.
 * @throws QiyueError `wrong-type` when the bytes are not a Qiyue bundle, `corrupt` when a file in
 *   it does not match its SHA-256
 */
export async function importBundle(
  store: ContractStore,
  bytes: Uint8Array,
): Promise<BundleImportResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw new QiyueError(
      'wrong-type',
      '不是契阅审阅包 (not a Qiyue review bundle: not a ZIP file)',
      { cause: err },
    );
  }
  const manifestText = await zip.file(MANIFEST)?.async('string');
  const manifest = manifestText ? (JSON.parse(manifestText) as Manifest) : null;
  if (!manifest || manifest.format !== 'qiyue-bundle')
    throw new QiyueError('wrong-type', '不是契阅审阅包 (not a Qiyue review bundle: no manifest)');
  const result: BundleImportResult = { added: [], merged: [] };
  for (const entry of manifest.contracts) {
    const record = JSON.parse(
      (await zip.file(`records/${entry.id}.json`)!.async('string')) as string,
    ) as StoredContract;
    const original = await zip.file(entry.file)!.async('uint8array');
    const nda = JSON.parse(
      (await zip.file(`nda/${entry.id}.json`)?.async('string')) ?? '[]',
    ) as NdaRecord[];
    const existing = (await store.list()).find((c) => c.id === entry.id);
    if (!existing) {
      await store.addRecord(record, original, nda);
      result.added.push(entry.id);
      continue;
    }
    await store.mergeRecord(entry.id, (mine) => {
      mine.annotations = mergeAnnotations(mine.annotations ?? [], record.annotations ?? []);
      const checklist = { ...(mine.checklist ?? {}) };
      for (const [k, v] of Object.entries(record.checklist ?? {}))
        checklist[k] = laterState(checklist[k], v)!;
      mine.checklist = checklist;
      const scenarios = new Map((mine.scenarios ?? []).map((s) => [s.id, s]));
      for (const s of record.scenarios ?? []) if (!scenarios.has(s.id)) scenarios.set(s.id, s);
      mine.scenarios = [...scenarios.values()];
      if (!mine.signOff && record.signOff) mine.signOff = record.signOff;
      mine.events = { ...record.events, ...mine.events };
    });
    result.merged.push(entry.id);
  }
  return result;
}
