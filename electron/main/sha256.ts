/** The SHA-256 digest by which originals and evidence files are named and checked. */
import { createHash } from 'node:crypto';

/** SHA-256 of the bytes, lowercase hex. */
export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
