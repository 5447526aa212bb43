/**
 * Encryption at rest of one data folder (optional): with a passphrase set, every file Qiyue keeps
 * there (the store's generations, the originals in `files/`, evidence in `evidence/`, the
 * installation's signing key in `identity/`) is written encrypted with AES-256-GCM.
 *
 * Keys (the envelope design of LUKS and age): a random 256-bit data key encrypts the files; the
 * passphrase, through scrypt (Node's crypto; N = 2^17, r = 8, p = 1: 128 MiB and about half a
 * second, OWASP's recommended setting), gives the key that wraps the data key in `vault.json`. A
 * changed passphrase rewraps the data key and re-encrypts nothing. There is no recovery key and
 * no back door: a forgotten passphrase makes the folder unreadable for good.
 *
 * An encrypted file is `QYENC 01 00 00` (8 bytes), a 12-byte random IV, the ciphertext and the
 * 16-byte GCM tag. The file's path in the data folder (`files/<sha>.pdf`) is the additional
 * authenticated data, so a file moved to another's name, or altered by one bit, is refused
 * rather than read. What it does not protect against: an attacker who can write the folder
 * deleting the newest store generation (the one before is read), and plaintext that an earlier,
 * unencrypted Qiyue left in free disk blocks (see the README).
 *
 * `vault.json` is plain JSON (no secret in it): the KDF's parameters and salt, the wrapped data
 * key, a random key id, and `state`: `encrypting` while the folder is being encrypted and
 * `decrypting` while the encryption is being removed, so that a pass killed half-way is finished
 * at the next unlock (`store.ts`).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt } from 'node:crypto';
import { z } from 'zod';
import { QiyueError } from '../../../shared/domain/errors';
import { readTextIfExists, writeFileAtomic } from './atomic-file';

/** The vault file in the data folder. */
export const VAULT_FILE = 'vault.json';

/** First bytes of every encrypted file: `QYENC`, format version 1, two reserved bytes. */
const MAGIC = Buffer.from([0x51, 0x59, 0x45, 0x4e, 0x43, 0x01, 0x00, 0x00]);
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** scrypt's cost for new vaults (N = 2^17, r = 8, p = 1). */
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

/** Passphrase length in characters (code points, after NFC normalisation). */
export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 256;

/** Where a vault stands: `encrypted` once every file is; the two others while a pass runs. */
export type VaultState = 'encrypting' | 'encrypted' | 'decrypting';

/**
 * The vault file's schema. The KDF's cost is bounded so that a hostile `vault.json` cannot make
 * an unlock take gigabytes or minutes (N ≤ 2^20, r ≤ 16, p ≤ 4: at most 2 GiB… in practice
 * 128 MiB as written here).
 */
const VaultFileSchema = z.object({
  format: z.literal('qiyue-vault'),
  version: z.literal(1),
  keyId: z.uuid(),
  state: z.enum(['encrypting', 'encrypted', 'decrypting']),
  kdf: z.object({
    algorithm: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .refine((n) => n >= 2 ** 14 && n <= 2 ** 20 && (n & (n - 1)) === 0, 'N: a power of 2'),
    r: z.number().int().min(8).max(16),
    p: z.number().int().min(1).max(4),
    salt: z.string().regex(/^[A-Za-z0-9+/]{22,88}={0,2}$/),
  }),
  /** The data key wrapped by the passphrase's key: IV ‖ ciphertext ‖ tag, base64. */
  wrappedKey: z.string().regex(/^[A-Za-z0-9+/]{80}$/),
  createdAt: z.string(),
  changedAt: z.string(),
});
type VaultFile = z.infer<typeof VaultFileSchema>;

/**
 * The data key of an unlocked vault: encrypts and decrypts the folder's files, each bound to its
 * path in the folder.
 */
export class FolderCipher {
  /** @param keyId the vault's key id, checked before every write (`store.ts`) */
  constructor(
    private readonly key: Buffer,
    readonly keyId: string,
  ) {}

  /** The data key, for rewrapping it under a new passphrase ({@link changePassphrase}) only. */
  exportKey(): Buffer {
    return Buffer.from(this.key);
  }

  /** `plain` encrypted as the file `name` (a path relative to the data folder). */
  encrypt(name: string, plain: Uint8Array): Buffer {
    const iv = randomBytes(IV_BYTES);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(aad(name));
    const body = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([MAGIC, iv, body, c.getAuthTag()]);
  }

  /**
   * The plaintext of the encrypted file `name`.
   * @throws QiyueError `store-unreadable` when it is not this key's file for this name (altered,
   *   truncated, moved from another name, or from another vault)
   */
  decrypt(name: string, data: Uint8Array): Buffer {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    try {
      if (!isEncrypted(bytes) || bytes.length < MAGIC.length + IV_BYTES + TAG_BYTES)
        throw new Error('not an encrypted file');
      const iv = bytes.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
      const tag = bytes.subarray(bytes.length - TAG_BYTES);
      const d = createDecipheriv('aes-256-gcm', this.key, iv);
      d.setAAD(aad(name));
      d.setAuthTag(tag);
      return Buffer.concat([
        d.update(bytes.subarray(MAGIC.length + IV_BYTES, bytes.length - TAG_BYTES)),
        d.final(),
      ]);
    } catch (err) {
      throw new QiyueError(
        'store-unreadable',
        `加密文件 ${name} 已损坏或被改动，无法解密 (the encrypted file ${name} is damaged or was altered)`,
        { cause: err },
      );
    }
  }
}

/** Whether `bytes` start as an encrypted file does. */
export function isEncrypted(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return false;
  return true;
}

/** The additional authenticated data of the file `name`: its path with forward slashes. */
function aad(name: string): Buffer {
  return Buffer.from(`qiyue-file:1:${name.replaceAll('\\', '/')}`, 'utf8');
}

/**
 * The vault of `dataDir`, or null when the folder is not encrypted.
 * @throws QiyueError `store-unreadable` when `vault.json` exists but is not a vault file (it is
 *   never replaced: without it the folder's encrypted files are lost)
 */
export async function readVault(dataDir: string): Promise<VaultFile | null> {
  const raw = await readTextIfExists(path.join(dataDir, VAULT_FILE));
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  const ok = VaultFileSchema.safeParse(parsed);
  if (!ok.success)
    throw new QiyueError(
      'store-unreadable',
      `数据文件夹的加密信息（${VAULT_FILE}）已损坏，无法解锁；请勿删除该文件，可从备份恢复 (the vault file is damaged; restore it from a backup)`,
    );
  return ok.data;
}

/** The passphrase as bytes: NFC-normalised UTF-8, so the same words typed anywhere give one key. */
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/**
 * Checks a new passphrase's length ({@link PASSPHRASE_MIN}–{@link PASSPHRASE_MAX} characters).
 * @throws QiyueError `invalid-request` with what is wrong
 */
export function checkNewPassphrase(passphrase: string): void {
  const n = [...passphrase.normalize('NFC')].length;
  if (n < PASSPHRASE_MIN || n > PASSPHRASE_MAX || passphrase.trim() !== passphrase)
    throw new QiyueError(
      'invalid-request',
      `口令须为 ${PASSPHRASE_MIN}–${PASSPHRASE_MAX} 个字符，且首尾不能是空格 (the passphrase must be ${PASSPHRASE_MIN}–${PASSPHRASE_MAX} characters, without leading or trailing spaces)`,
    );
}

function deriveKey(passphrase: string, kdf: VaultFile['kdf']): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphraseBytes(passphrase),
      Buffer.from(kdf.salt, 'base64'),
      KEY_BYTES,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

function wrap(kek: Buffer, dataKey: Buffer, keyId: string): string {
  const iv = randomBytes(IV_BYTES);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(Buffer.from(`qiyue-vault:1:${keyId}`));
  return Buffer.concat([iv, c.update(dataKey), c.final(), c.getAuthTag()]).toString('base64');
}

/**
 * Opens the vault with its passphrase.
 * @throws QiyueError `wrong-passphrase` when the passphrase does not unwrap the data key;
 *   `store-unreadable` as {@link readVault}; `not-found` when the folder is not encrypted
 */
export async function unlockVault(
  dataDir: string,
  passphrase: string,
): Promise<{ cipher: FolderCipher; vault: VaultFile }> {
  const vault = await readVault(dataDir);
  if (!vault)
    throw new QiyueError('not-found', '该数据文件夹未加密 (the data folder is not encrypted)');
  const kek = await deriveKey(passphrase, vault.kdf);
  const wrapped = Buffer.from(vault.wrappedKey, 'base64');
  try {
    const d = createDecipheriv('aes-256-gcm', kek, wrapped.subarray(0, IV_BYTES));
    d.setAAD(Buffer.from(`qiyue-vault:1:${vault.keyId}`));
    d.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
    const key = Buffer.concat([
      d.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)),
      d.final(),
    ]);
    return { cipher: new FolderCipher(key, vault.keyId), vault };
  } catch {
    throw new QiyueError('wrong-passphrase', '口令不正确 (wrong passphrase)');
  }
}

/**
 * Makes a new vault for `dataDir` (state `encrypting`) and writes it durably before any file is
 * encrypted with its key.
 * @throws QiyueError `invalid-request` for a passphrase {@link checkNewPassphrase} refuses
 */
export async function createVault(dataDir: string, passphrase: string): Promise<FolderCipher> {
  checkNewPassphrase(passphrase);
  const kdf = { algorithm: 'scrypt' as const, ...SCRYPT, salt: randomBytes(16).toString('base64') };
  const dataKey = randomBytes(KEY_BYTES);
  const keyId = randomUUID();
  const now = new Date().toISOString();
  const vault: VaultFile = {
    format: 'qiyue-vault',
    version: 1,
    keyId,
    state: 'encrypting',
    kdf,
    wrappedKey: wrap(await deriveKey(passphrase, kdf), dataKey, keyId),
    createdAt: now,
    changedAt: now,
  };
  await writeVault(dataDir, vault);
  return new FolderCipher(dataKey, keyId);
}

/** Records where the vault's pass stands (written atomically and durably). */
export async function setVaultState(dataDir: string, state: VaultState): Promise<void> {
  const vault = await readVault(dataDir);
  if (!vault)
    throw new QiyueError('not-found', '该数据文件夹未加密 (the data folder is not encrypted)');
  await writeVault(dataDir, { ...vault, state, changedAt: new Date().toISOString() });
}

/**
 * Rewraps the data key with a new passphrase (nothing else is re-encrypted).
 * @throws QiyueError `wrong-passphrase` for a wrong current passphrase, `invalid-request` for
 *   a new one {@link checkNewPassphrase} refuses
 */
export async function changePassphrase(
  dataDir: string,
  current: string,
  next: string,
): Promise<void> {
  checkNewPassphrase(next);
  const { cipher, vault } = await unlockVault(dataDir, current);
  const kdf = { ...vault.kdf, ...SCRYPT, salt: randomBytes(16).toString('base64') };
  const wrappedKey = wrap(await deriveKey(next, kdf), cipher.exportKey(), vault.keyId);
  await writeVault(dataDir, { ...vault, kdf, wrappedKey, changedAt: new Date().toISOString() });
}

/** Deletes the vault file: the last step of removing encryption, once no file needs the key. */
export async function removeVault(dataDir: string): Promise<void> {
  await fs.rm(path.join(dataDir, VAULT_FILE), { force: true });
}

async function writeVault(dataDir: string, vault: VaultFile): Promise<void> {
  await writeFileAtomic(path.join(dataDir, VAULT_FILE), `${JSON.stringify(vault, null, 1)}\n`);
}
