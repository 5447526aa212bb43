/**
 * Review bundles: a ZIP that carries contracts from one air-gapped machine to another — the
 * original files and, per contract, the reviewer's state (annotations, checklist states,
 * scenarios, sign-off, entered dates). Nothing in a bundle is believed that the receiver can
 * compute or check itself:
 *
 * - **Signed.** The manifest lists every original and record with its SHA-256 and carries the
 *   exporting installation's Ed25519 public key; `qiyue-bundle.sig` is that key's signature of
 *   the manifest's bytes. A bundle whose signature or any digest does not hold is refused. A
 *   valid bundle from a key this installation has not trusted yet is not imported: the receiver
 *   is shown the key's fingerprint and imports again once they accept it (trust on first use);
 *   the accepted key is kept in the store.
 * - **Recomputed.** A bundle has no report and no text: each original is analysed again here, in
 *   the parser process, and annotations are re-anchored on that text by their quote.
 * - **Checked.** Every record must match the zod shapes of `bundle-schema.ts` (control
 *   characters in names, ids that are not the checklist's, paths, unknown fields are refused);
 *   originals are named by their own SHA-256, so nothing in a bundle can name another file;
 *   timestamps later than the import are set to the import's time and counted.
 * - **Bounded.** Parts are inflated with a limit each (a lying zip bomb stops at the limit).
 * - **All or nothing.** Every contract is read and analysed first; then one store write adds
 *   the new ones and merges the known ones (annotations from both sides, the later checklist
 *   change, scenarios united), or nothing is written.
 *
 * Annotations and sign-offs brought by a bundle keep the fingerprint of the installation that
 * signed it (`via`); a signed sign-off keeps its author's signature, which must hold.
 */
import { mergeTriage } from '../../../shared/domain/triage';
import path from 'node:path';
import JSZip from 'jszip';
import { MAX_IMPORT_BYTES, QiyueError } from '../../../shared/domain/errors';
import {
  mergeAnnotations,
  type Annotation,
  type SignOff,
} from '../../../shared/domain/annotations';
import { moveAnchor } from '../../../shared/domain/reanalysis';
import { sha256 } from '../sha256';
import { fingerprintOf, verifySignature, type Installation } from '../identity';
import { signOffSignatureValid } from '../signoff';
import {
  BundleManifestSchema,
  BundleRecordSchema,
  type BundleManifest,
  type BundleRecord,
} from './bundle-schema';
import type { BundleItem, ContractStore, StoredContract } from './store';
import type { ChecklistState } from '../../../shared/domain/checklist';

const MANIFEST = 'qiyue-bundle.json';
const SIGNATURE = 'qiyue-bundle.sig';
/** A record's largest size (annotations and checklist of one contract), bytes. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** The manifest's largest size, bytes. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
/** How far ahead of the receiver's clock a timestamp may be before it is set back (clock skew). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** The reviewer's state of a stored contract, as a bundle carries it. */
function recordOf(c: StoredContract): BundleRecord {
  return {
    id: c.id,
    fileName: c.fileName,
    importedAt: c.importedAt,
    annotations: (c.annotations ?? []) as BundleRecord['annotations'],
    checklist: (c.checklist ?? {}) as BundleRecord['checklist'],
    triage: c.triage ?? {},
    scenarios: (c.scenarios ?? []) as BundleRecord['scenarios'],
    signOff: c.signOff ?? null,
    events: c.events ?? {},
  };
}

/**
 * The signed bundle of the given contracts (all when `ids` is null).
 * @param installation the exporting installation, whose key signs the manifest
 */
export async function exportBundle(
  store: ContractStore,
  installation: Installation,
  ids: string[] | null,
  now = new Date(),
): Promise<Uint8Array> {
  const all = await store.list();
  const chosen = (ids ? all.filter((c) => ids.includes(c.id)) : all).map((e) => e.id);
  const zip = new JSZip();
  const manifest: BundleManifest = {
    format: 'qiyue-bundle',
    version: 2,
    createdAt: now.toISOString(),
    publicKey: installation.publicKey,
    contracts: [],
  };
  for (const id of chosen) {
    const c = await store.get(id);
    const { bytes } = await store.readOriginal(c.id);
    const file = `files/${c.id}${path.extname(c.file).toLowerCase()}`;
    const record = JSON.stringify(recordOf(c));
    zip.file(file, bytes);
    zip.file(`records/${c.id}.json`, record);
    manifest.contracts.push({
      id: c.id,
      fileName: c.fileName,
      file,
      record: `records/${c.id}.json`,
      recordSha256: sha256(new TextEncoder().encode(record)),
    });
  }
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 1));
  zip.file(MANIFEST, manifestBytes);
  zip.file(SIGNATURE, installation.sign(manifestBytes));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** What an import did, or that it waits for the receiver to trust the signing key. */
export type BundleImportResult =
  | {
      status: 'imported';
      added: string[];
      merged: string[];
      /** Fingerprint of the installation that signed the bundle. */
      signer: string;
      /** Timestamps later than the import, set to the import's time. */
      clampedTimestamps: number;
    }
  | { status: 'untrusted'; signer: string };

const notBundle = (why: string, cause?: unknown) =>
  new QiyueError(
    'wrong-type',
    `不是契阅审阅包：${why}；请让对方用契阅重新导出 (not a Qiyue review bundle)`,
    cause === undefined ? undefined : { cause },
  );

const forged = (why: string) =>
  new QiyueError(
    'corrupt',
    `审阅包校验失败：${why}，可能在导出后被改动过；未导入任何内容 (the bundle failed its checks: nothing was imported)`,
  );

/** The bytes of one part, inflated to at most `limit` bytes. @throws QiyueError past the limit */
function inflate(zip: JSZip, name: string, limit: number): Promise<Uint8Array | null> {
  const entry = zip.file(name);
  if (!entry) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & {
      destroy?: () => void;
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > limit) {
          stream.pause();
          stream.destroy?.();
          reject(
            new QiyueError(
              'too-complex',
              `审阅包中的 ${name} 解压后超过 ${Math.round(limit / 1048576)} MiB 上限，可能是压缩炸弹；未导入任何内容 (a part of the bundle inflates past its limit)`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (err: Error) =>
        reject(Object.assign(forged(`${name} 无法解压`), { cause: err })),
      )
      .on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

/** Sets every timestamp later than `now` (and the tolerance) to `now`; returns how many. */
function clampFuture(record: BundleRecord, now: Date): number {
  const limit = now.getTime() + FUTURE_TOLERANCE_MS;
  const stamp = now.toISOString();
  let clamped = 0;
  const clamp = <T extends object, K extends keyof T>(o: T, key: K) => {
    if (typeof o[key] === 'string' && Date.parse(o[key] as string) > limit) {
      (o[key] as unknown) = stamp;
      clamped++;
    }
  };
  clamp(record, 'importedAt');
  for (const a of record.annotations) {
    clamp(a, 'createdAt');
    clamp(a, 'updatedAt');
    for (const h of a.history) clamp(h, 'at');
  }
  for (const s of Object.values(record.checklist)) {
    for (const h of s.history) clamp(h, 'at');
    for (const e of s.evidence) clamp(e, 'addedAt');
  }
  for (const t of Object.values(record.triage ?? {})) {
    clamp(t, 'at');
    for (const h of t.history) clamp(h, 'at');
  }
  for (const s of record.scenarios) clamp(s, 'savedAt');
  if (record.signOff) clamp(record.signOff, 'at');
  return clamped;
}

/**
 * Imports a bundle into the store as described in the module doc.
 * @param options.trust the fingerprint the receiver accepted for this bundle's key (after a
 *   result of `untrusted`); it is kept as trusted
 * @returns `untrusted` (nothing imported) when the signing key is neither this installation's
 *   nor trusted
 * @throws QiyueError `wrong-type` (not a bundle, or an unsigned one of an older Qiyue),
 *   `corrupt` (signature, digest or record shape wrong; an original that cannot be read),
 *   `too-complex` (a part inflates past its limit); the store is unchanged then
 */
export async function importBundle(
  store: ContractStore,
  installation: Installation,
  bytes: Uint8Array,
  options: { trust?: string; now?: Date } = {},
): Promise<BundleImportResult> {
  const now = options.now ?? new Date();
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw notBundle('不是 ZIP 文件', err);
  }
  const manifestBytes = await inflate(zip, MANIFEST, MAX_MANIFEST_BYTES);
  if (!manifestBytes) throw notBundle('缺少清单');
  const signature = await inflate(zip, SIGNATURE, 4096);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(manifestBytes));
  } catch (err) {
    throw notBundle('清单不是 JSON', err);
  }
  if ((raw as { version?: unknown })?.version === 1 || !signature)
    throw new QiyueError(
      'wrong-type',
      '这是旧版契阅导出的未签名审阅包，无法确认来源，不再接受；请对方用新版契阅重新导出 (an unsigned bundle of an older Qiyue is not accepted)',
    );
  const parsed = BundleManifestSchema.safeParse(raw);
  if (!parsed.success)
    throw forged(`清单格式不符（${parsed.error.issues[0]?.path.join('.') || '—'}）`);
  const manifest = parsed.data;
  if (!verifySignature(manifest.publicKey, manifestBytes, new TextDecoder().decode(signature)))
    throw forged('签名无效');
  const signer = fingerprintOf(manifest.publicKey);
  const trusted =
    signer === installation.fingerprint ||
    (await store.trustedKeys()).some((k) => k.fingerprint === signer);
  if (!trusted && options.trust !== signer) return { status: 'untrusted', signer };

  const ids = new Set<string>();
  const items: BundleItem[] = [];
  let clampedTimestamps = 0;
  for (const entry of manifest.contracts) {
    if (ids.has(entry.id)) throw forged(`合同 ${entry.id.slice(0, 12)} 出现两次`);
    ids.add(entry.id);
    const original = await inflate(zip, entry.file, MAX_IMPORT_BYTES);
    const recordBytes = await inflate(zip, entry.record, MAX_RECORD_BYTES);
    if (!original || !recordBytes) throw forged(`缺少 ${entry.fileName} 的文件`);
    if (sha256(original) !== entry.id)
      throw forged(`${entry.fileName} 的原始文件与其 SHA-256 不符`);
    if (sha256(recordBytes) !== entry.recordSha256)
      throw forged(`${entry.fileName} 的记录与清单不符`);
    let record: BundleRecord;
    try {
      const r = BundleRecordSchema.safeParse(JSON.parse(new TextDecoder().decode(recordBytes)));
      if (!r.success) throw new Error(r.error.issues[0]?.path.join('.') || '—');
      record = r.data;
    } catch (err) {
      throw forged(`${entry.fileName} 的记录格式不符（${(err as Error).message}）`);
    }
    if (record.id !== entry.id) throw forged(`${entry.fileName} 的记录属于另一份合同`);
    // A signed sign-off must hold under its author's own key (which may be a third
    // installation's, relayed): a name, time or note changed after signing is a forgery, even in
    // a bundle signed by a trusted key.
    const signed = record.signOff?.signature;
    if (signed && !signOffSignatureValid(entry.id, record.signOff as SignOff))
      throw forged(`${entry.fileName} 的签批签名无效（签字人、时间或意见在签批后被改动）`);
    const signedAt = record.signOff?.at;
    clampedTimestamps += clampFuture(record, now);
    // A sign-off dated in the future was set back: its signature no longer covers it.
    if (signed && record.signOff && record.signOff.at !== signedAt) delete record.signOff.signature;
    // The report is the receiver's own: the original is analysed here, in the parser process.
    let parsedContract;
    try {
      parsedContract = await store.parseOriginal(entry.fileName, original);
    } catch (err) {
      throw new QiyueError(
        'corrupt',
        `审阅包中的 ${entry.fileName} 无法读取：${(err as Error).message}；未导入任何内容 (a bundled original cannot be read: nothing was imported)`,
        { cause: err },
      );
    }
    const annotations: Annotation[] = record.annotations.map((a) => ({
      ...(a as Annotation),
      anchor: moveAnchor(parsedContract.doc, a.anchor),
      via: a.via ?? signer,
    }));
    items.push({
      id: entry.id,
      fileName: entry.fileName,
      ext: path.extname(entry.file),
      original,
      parsed: parsedContract,
      importedAt: record.importedAt,
      merge: (mine) => {
        mine.annotations = mergeAnnotations(mine.annotations ?? [], annotations);
        const checklist: Record<string, ChecklistState> = { ...(mine.checklist ?? {}) };
        for (const [k, v] of Object.entries(record.checklist))
          checklist[k] = laterState(checklist[k], v as ChecklistState)!;
        mine.checklist = checklist;
        if (record.triage) mine.triage = mergeTriage(mine.triage, record.triage, signer);
        const scenarios = new Map((mine.scenarios ?? []).map((s) => [s.id, s]));
        for (const s of record.scenarios) if (!scenarios.has(s.id)) scenarios.set(s.id, s);
        mine.scenarios = [...scenarios.values()];
        if (!mine.signOff && record.signOff)
          mine.signOff = { ...record.signOff, via: record.signOff.via ?? signer };
        mine.events = { ...record.events, ...mine.events };
      },
    });
  }
  const { added, merged } = await store.applyBundle(items, trusted ? null : manifest.publicKey);
  return { status: 'imported', added, merged, signer, clampedTimestamps };
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
