/**
 * Encryption at rest: with a passphrase set, no file of the data folder holds a readable byte of
 * a contract, its original, its evidence, the reviewer's name or the signing key; the folder
 * opens only with the passphrase, and then exactly as it was; a file altered or moved to another
 * name is refused; a process still holding the folder unencrypted cannot write to it; a changed
 * passphrase opens it and the old one does not; removing the encryption gives the plain folder
 * back; and a pass killed before any of its files is finished at the next unlock with nothing
 * lost (real second processes, `support/vault-pass.ts`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContractStore, type StoredContract } from '../../electron/main/store/store';
import { parseContract } from '../../electron/main/isolation/parse';
import { openInstallation } from '../../electron/main/identity';
import { readVault } from '../../electron/main/store/vault';
import { seedPath } from '../support/seeds';

const PASS = '正确的口令 correct horse';
const PASS_TOOL = path.resolve('node_modules/.cache/qiyue-tests/vault-pass.mjs');

beforeAll(() => {
  buildSync({
    entryPoints: ['test/support/vault-pass.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    outfile: PASS_TOOL,
    logLevel: 'error',
  });
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-vault-'));
const EVIDENCE = '验收证明：第三季度巡检记录 inspection evidence';

/**
 * Every file under `dir`, relative, with its bytes. The lock (`store.lock`, a folder a store
 * opened in the background may take and release meanwhile: it holds nothing) and its owner file
 * are left out, and a temporary file gone between listing and reading is skipped.
 */
function filesIn(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('store.lock')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        try {
          out.set(path.relative(dir, p).replaceAll('\\', '/'), fs.readFileSync(p));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * A folder as a reviewer leaves it: seed 003's PDF and seed 004's text, an annotation, a
 * checklist item with evidence, the reviewer's name, the signing key made.
 */
async function reviewedFolder(dir = tmp()) {
  const store = await ContractStore.open(dir, { parse: parseContract });
  const pdf = fs.readFileSync(seedPath('003_2fd1bbbed6f06600', 'pdf'));
  const txt = fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt'));
  const { contract } = await store.importContract('003.pdf', new Uint8Array(pdf));
  const { contract: second } = await store.importContract('004.txt', new Uint8Array(txt));
  await store.setReviewer('审阅人张敏');
  await store.addAnnotation(second.id, {
    anchor: { start: 0, end: 4, quote: second.text.slice(0, 4), positions: [] },
    comment: '付款节点需与验收挂钩',
    tags: [],
    status: 'pending',
    by: '审阅人张敏',
  });
  await store.addEvidence(contract.id, 'acceptance-1', '验收单.txt', Buffer.from(EVIDENCE), '张敏');
  const key = await openInstallation(dir, store.files);
  return { dir, store, pdf, txt, contract, second, fingerprint: key.fingerprint };
}

/** What the folder holds, as the store reads it back: every contract, its original and state. */
async function contents(store: ContractStore) {
  const list = await store.list();
  return Promise.all(
    list.map(async ({ id }) => {
      const c: StoredContract = await store.get(id);
      return {
        id: c.id,
        text: c.text,
        report: c.report,
        annotations: c.annotations ?? [],
        checklist: c.checklist ?? {},
        original: Buffer.from((await store.readOriginal(c.id)).bytes).toString('base64'),
      };
    }),
  );
}

/** Byte strings that must not appear in any file of an encrypted folder. */
function secretsOf(f: Awaited<ReturnType<typeof reviewedFolder>>): Buffer[] {
  const phrases = [
    '%PDF',
    'PRIVATE KEY',
    EVIDENCE,
    '审阅人张敏',
    '付款节点需与验收挂钩',
    '"contracts"',
    f.contract.report.contract.parties[0].name!,
    f.second.report.contract.title!,
  ];
  // And slices of both contracts' text.
  for (const c of [f.contract, f.second])
    for (let i = 0; i + 12 < c.text.length; i += Math.ceil(c.text.length / 20))
      if (c.text.slice(i, i + 12).trim().length === 12) phrases.push(c.text.slice(i, i + 12));
  return phrases.map((p) => Buffer.from(p, 'utf8'));
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return (err as { code?: string }).code ?? (err as Error).message;
  }
}

describe('encryption at rest', () => {
  it('leaves no readable byte in the folder and opens, as it was, only with the passphrase', async () => {
    const f = await reviewedFolder();
    const before = await contents(f.store);
    // Another process that opened the folder before it was encrypted.
    const bystander = await ContractStore.open(f.dir, { parse: parseContract });

    await f.store.enableEncryption(PASS);

    const files = filesIn(f.dir);
    const secrets = secretsOf(f);
    expect(secrets.length).toBeGreaterThan(20);
    for (const [name, bytes] of files) {
      for (const s of secrets) expect(bytes.includes(s), `${name} holds ${s}`).toBe(false);
      if (/^(store|files|evidence|identity)\//.test(name))
        expect(bytes.subarray(0, 5).toString('latin1'), name).toBe('QYENC');
    }
    // One store generation: the plaintext ones before it are gone.
    expect([...files.keys()].filter((n) => n.startsWith('store/'))).toHaveLength(1);
    expect((await readVault(f.dir))?.state).toBe('encrypted');

    expect(await code(ContractStore.open(f.dir))).toBe('locked');
    expect(await code(ContractStore.open(f.dir, { passphrase: 'not the passphrase' }))).toBe(
      'wrong-passphrase',
    );
    // The bystander cannot read or write it any more, and says why.
    expect(await code(bystander.list())).toBe('locked');
    expect(await code(bystander.setReviewer('someone else'))).toBe('locked');

    const reopened = await ContractStore.open(f.dir, { parse: parseContract, passphrase: PASS });
    expect(await contents(reopened)).toEqual(before);
    expect(await reopened.reviewer()).toBe('审阅人张敏');
    expect((await openInstallation(f.dir, reopened.files)).fingerprint).toBe(f.fingerprint);
    // New writes are encrypted too.
    const { contract: added } = await reopened.importContract(
      '002.txt',
      new Uint8Array(fs.readFileSync(seedPath('002_21901a1de7442d81', 'txt'))),
    );
    const copy = fs.readFileSync(path.join(f.dir, added.file));
    expect(copy.subarray(0, 5).toString('latin1')).toBe('QYENC');
    expect(copy.includes(Buffer.from(added.text.slice(0, 30)))).toBe(false);
  });

  it('refuses a file altered by one bit or moved to another file’s name', async () => {
    const f = await reviewedFolder();
    await f.store.enableEncryption(PASS);
    const store = await ContractStore.open(f.dir, { parse: parseContract, passphrase: PASS });
    const a = path.join(f.dir, f.contract.file);
    const b = path.join(f.dir, f.second.file);
    const original = fs.readFileSync(a);
    const flipped = Buffer.from(original);
    flipped[flipped.length >> 1] ^= 0x01;
    fs.writeFileSync(a, flipped);
    const err: unknown = await f.store.readOriginal(f.contract.id).catch((e: unknown) => e);
    expect((err as { code: string }).code).toBe('store-unreadable');
    expect((err as Error).message).toMatch(/已损坏或被改动/);
    // Seed 004's encrypted text put in place of seed 003's PDF: it is bound to its own name.
    fs.copyFileSync(b, a);
    expect(await code(store.readOriginal(f.contract.id))).toBe('store-unreadable');
    fs.writeFileSync(a, original);
    expect(Buffer.from((await store.readOriginal(f.contract.id)).bytes)).toEqual(f.pdf);
  });

  it('changes the passphrase without rewriting a file, and removes the encryption again', async () => {
    const f = await reviewedFolder();
    const before = await contents(f.store);
    await f.store.enableEncryption(PASS);
    const encrypted = filesIn(f.dir);
    const NEXT = '新口令：2026 年第四季度';
    expect(await code(f.store.changePassphrase('not the passphrase', NEXT))).toBe(
      'wrong-passphrase',
    );
    expect(await code(f.store.changePassphrase(PASS, 'short'))).toBe('invalid-request');
    await f.store.changePassphrase(PASS, NEXT);
    const after = filesIn(f.dir);
    for (const [name, bytes] of encrypted)
      if (name !== 'vault.json') expect(after.get(name), name).toEqual(bytes);
    expect(await code(ContractStore.open(f.dir, { passphrase: PASS }))).toBe('wrong-passphrase');
    const store = await ContractStore.open(f.dir, { parse: parseContract, passphrase: NEXT });

    expect(await code(store.disableEncryption(PASS))).toBe('wrong-passphrase');
    await store.disableEncryption(NEXT);
    const plain = filesIn(f.dir);
    expect(plain.has('vault.json')).toBe(false);
    for (const [name, bytes] of plain)
      expect(bytes.subarray(0, 5).toString('latin1'), name).not.toBe('QYENC');
    expect(plain.get(f.contract.file.replaceAll('\\', '/'))).toEqual(f.pdf);
    const opened = await ContractStore.open(f.dir, { parse: parseContract });
    expect(await contents(opened)).toEqual(before);
    expect((await openInstallation(f.dir, opened.files)).fingerprint).toBe(f.fingerprint);
  });

  it('finishes a pass killed before any of its files, with nothing lost', async () => {
    const f = await reviewedFolder();
    const before = await contents(f.store);
    // Files of the pass: two originals, one evidence file, the key, then the store itself.
    const steps = 5;
    for (const action of ['enable', 'disable'] as const) {
      for (let killAt = 0; killAt < steps; killAt++) {
        // Each round starts from the state the round is about: plain to enable, encrypted to disable.
        if (action === 'disable' && !(await readVault(f.dir)))
          await (await ContractStore.open(f.dir, { parse: parseContract })).enableEncryption(PASS);
        if (action === 'enable' && (await readVault(f.dir)))
          await (
            await ContractStore.open(f.dir, { parse: parseContract, passphrase: PASS })
          ).disableEncryption(PASS);
        const { status, out } = await runPass(f.dir, action, killAt);
        expect(status, out).toBe('SIGKILL');
        expect(out).toContain(`step ${killAt} `);
        // Killed half-way: the vault says which way the pass went, and opening finishes it.
        expect((await readVault(f.dir))?.state).toBe(
          action === 'enable' ? 'encrypting' : 'decrypting',
        );
        expect(await code(ContractStore.open(f.dir))).toBe('locked');
        const store = await ContractStore.open(f.dir, { parse: parseContract, passphrase: PASS });
        expect(await contents(store), `${action} killed at ${killAt}`).toEqual(before);
        const vault = await readVault(f.dir);
        expect(vault?.state ?? 'removed').toBe(action === 'enable' ? 'encrypted' : 'removed');
        for (const [name, bytes] of filesIn(f.dir))
          if (/^(store|files|evidence|identity)\//.test(name))
            expect(bytes.subarray(0, 5).toString('latin1') === 'QYENC', name).toBe(
              action === 'enable',
            );
      }
    }
  }, 120_000);
});

/** Runs `vault-pass` to completion; its exit signal (or code) and what it printed. */
function runPass(
  dir: string,
  action: 'enable' | 'disable',
  killAt: number,
): Promise<{ status: string; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PASS_TOOL, dir, action, String(killAt)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, QIYUE_PASSPHRASE: PASS },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve({ status: signal ?? String(c), out }));
  });
}
