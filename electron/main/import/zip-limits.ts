/**
 * How much a ZIP package (DOCX) would inflate to, read from its central directory before any
 * part is inflated, so that a zip bomb is refused instead of exhausting memory. The central
 * directory's layout is fixed by PKWARE's APPNOTE (4.3.12, 4.3.16): it is read here directly
 * because the ZIP libraries at hand (JSZip, mammoth's) only expose sizes after loading.
 */
import { QiyueError } from '../../../shared/domain/errors';

/** Largest total the parts of a DOCX may inflate to: 256 MiB (a contract's XML is a few MiB). */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/**
 * The sum of the uncompressed sizes the central directory declares, or null when the package
 * has no readable central directory (the ZIP reader then refuses it on its own terms). A ZIP64
 * size (0xFFFFFFFF) counts as 4 GiB.
 */
export function declaredInflatedSize(data: Uint8Array): number | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  const from = Math.max(0, data.length - 22 - 65535);
  let eocd = -1;
  for (let i = data.length - 22; i >= from; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    total += view.getUint32(at + 24, true);
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return total;
}

/**
 * Refuses a package whose parts would inflate past {@link MAX_INFLATED_BYTES}.
 * @throws QiyueError `too-complex`
 */
export function checkInflatedSize(data: Uint8Array, limit = MAX_INFLATED_BYTES): void {
  const size = declaredInflatedSize(data);
  if (size !== null && size > limit)
    throw new QiyueError(
      'too-complex',
      `文件过于复杂：压缩包解压后达 ${(size / 1048576).toFixed(0)} MiB，超过 ${limit / 1048576} MiB 上限，可能是压缩炸弹；请确认来源后用原软件重新导出 (too complex: the package would inflate to ${(size / 1048576).toFixed(0)} MiB)`,
    );
}
