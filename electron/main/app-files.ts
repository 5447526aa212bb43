/**
 * Which file of the built renderer a request path names, for the `app://` protocol handler and
 * the loopback harness. Real paths are compared, with a trailing separator: a sibling folder
 * whose name starts with the renderer's (`renderer-old/`), `..` in any encoding and a symlink
 * out of the folder are all outside it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** A request path resolved: the file to serve, or why not (403 / 404). */
export type AppFile = { file: string } | { refused: 'forbidden' | 'missing' };

/**
 * Resolves `pathname` (as in the URL, percent-encoded) inside `rendererDir`.
 * @returns the real path of the file, `forbidden` for anything outside the folder (or a path
 *   that does not decode), `missing` for a file inside it that does not exist
 */
export async function appFileFor(rendererDir: string, pathname: string): Promise<AppFile> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return { refused: 'forbidden' };
  }
  if (rel.includes('\0')) return { refused: 'forbidden' };
  const root = await fs.realpath(rendererDir).catch(() => path.resolve(rendererDir));
  const inside = (p: string) => p.startsWith(root + path.sep);
  const lexical = path.join(root, rel);
  if (!inside(lexical)) return { refused: 'forbidden' };
  const real = await fs.realpath(lexical).catch(() => null);
  if (real === null) return { refused: 'missing' };
  return inside(real) ? { file: real } : { refused: 'forbidden' };
}
