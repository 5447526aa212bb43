/**
 * This installation's signing key: an Ed25519 key pair (Node's crypto) made on first use and
 * kept in the data folder (`identity/ed25519.json`, readable by the user only). Review bundles
 * are signed with it, so the machine that receives one knows which installation made it; the
 * receiver trusts a key once, by its fingerprint, and every later bundle from it is checked
 * against that key ("trust on first use").
 */
import { readTextIfExists } from './store/atomic-file';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  randomBytes,
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

const KEY_FILE = path.join('identity', 'ed25519.json');

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
 * is none yet.
 * @throws Error when the key file exists but cannot be read as a key (it is never replaced)
 */
export async function openInstallation(dataDir: string): Promise<Installation> {
  const file = path.join(dataDir, KEY_FILE);
  let privateKey = await readKey(file);
  if (!privateKey) {
    // Made once: written whole to a temporary file, then linked into place, so that of two
    // processes starting together one key wins and both use it.
    const pair = generateKeyPairSync('ed25519');
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(
      tmp,
      JSON.stringify({
        algorithm: 'ed25519',
        publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }),
        privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }),
        createdAt: new Date().toISOString(),
      }),
      { mode: 0o600 },
    );
    await fs.link(tmp, file).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
    await fs.rm(tmp, { force: true });
    privateKey = (await readKey(file))!;
  }
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
  const key = privateKey;
  return {
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    sign: (data) => sign(null, data, key).toString('base64'),
  };
}

/** The private key saved in `file`, or null when there is none. */
async function readKey(file: string): Promise<KeyObject | null> {
  const raw = await readTextIfExists(file);
  if (raw === null) return null;
  return createPrivateKey((JSON.parse(raw) as { privateKey: string }).privateKey);
}
