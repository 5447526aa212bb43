/**
 * This installation's signing key: an Ed25519 key pair (Node's crypto) made on first use and
 * kept in the data folder (`identity/ed25519.json`, readable by the user only). Review bundles
 * are signed with it, so the machine that receives one knows which installation made it; the
 * receiver trusts a key once, by its fingerprint, and every later bundle from it is checked
 * against that key ("trust on first use").
 */
import { DataFiles } from './store/data-files';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/** The installation's key, and what others see of it. */
export interface Installation {
  /** The public key, SPKI PEM: what a bundle carries. */
  publicKey: string;
  /** {@link fingerprintOf} the public key. */
  fingerprint: string;
  /** Ed25519 signature of `data`, base64. */
  sign(data: Uint8Array): string;
}

/** The key's file in the data folder. */
const KEY_FILE = 'identity/ed25519.json';

/**
 * A public key's fingerprint as people compare it: the first 16 bytes of the SHA-256 of its DER
 * form, in groups of four hex digits (`3A7F 91C2 …`, 8 groups).
 * @throws Error when `publicKeyPem` is not a public key
 */
export function fingerprintOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/**
 * Whether `signature` (base64) is `publicKeyPem`'s Ed25519 signature of `data`. False for a
 * malformed key or signature, never an exception.
 */
export function verifySignature(
  publicKeyPem: string,
  data: Uint8Array,
  signature: string,
): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, data, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The installation of data folder `dataDir`: its key read, or made and saved (0600) when there
 * is none yet; through `files` (the store's, `store.files`) so that the key is encrypted with an
 * encrypted folder.
 * @throws Error when the key file exists but cannot be read as a key (it is never replaced);
 *   QiyueError `locked` when it is encrypted and `files` has no key
 */
export async function openInstallation(
  dataDir: string,
  files: DataFiles = new DataFiles(dataDir, () => ({ cipher: null, encryptWrites: false })),
): Promise<Installation> {
  let privateKey = await readKey(files);
  if (!privateKey) {
    // Made once and linked into place, so that of two processes starting together one key wins
    // and both use it.
    const pair = generateKeyPairSync('ed25519');
    const json = JSON.stringify({
      algorithm: 'ed25519',
      publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }),
      privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }),
      createdAt: new Date().toISOString(),
    });
    await files.create(KEY_FILE, Buffer.from(json, 'utf8'));
    privateKey = (await readKey(files))!;
  }
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
  const key = privateKey;
  return {
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    sign: (data) => sign(null, data, key).toString('base64'),
  };
}

/**
 * The fingerprint of the installation of a data folder, or null when it has no key yet (none is
 * made: for readers such as `npm run verify`).
 * @throws as {@link openInstallation}
 */
export async function existingFingerprint(files: DataFiles): Promise<string | null> {
  const key = await readKey(files);
  if (!key) return null;
  return fingerprintOf(createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string);
}

/** The private key saved in the data folder, or null when there is none. */
async function readKey(files: DataFiles): Promise<KeyObject | null> {
  const raw = await files.read(KEY_FILE);
  if (raw === null) return null;
  return createPrivateKey(
    (JSON.parse(Buffer.from(raw).toString('utf8')) as { privateKey: string }).privateKey,
  );
}
