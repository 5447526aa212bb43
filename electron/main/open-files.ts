/**
 * Files the operating system asks Qiyue to open ("打开方式 → Qiyue 契阅" on a PDF, DOCX or OFD,
 * or a file dropped on the app's icon): they arrive as command-line arguments, at start or in a
 * second instance's argv. Main keeps them in a queue; the renderer takes them
 * (`app:openRequests`) and imports them as if chosen in the file dialog. Only paths the OS gave
 * are read: the renderer cannot name a path.
 */
import fs from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../shared/domain/errors';
import { formatFromName } from './import/index';

/** One file to open: its bytes, or why it could not be read (in the reviewer's words). */
export type OpenRequest =
  { fileName: string; bytes: Uint8Array<ArrayBuffer> } | { fileName: string; error: string };

/**
 * The files among command-line arguments: each argument that is not an option, names a
 * regular file with an extension Qiyue imports, resolved against `cwd`. The executable (and in
 * development `electron .`'s app folder) are not files of that kind, so the whole argv can be
 * given.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !formatFromName(arg)) continue;
    const file = path.resolve(cwd, arg);
    try {
      if (statSync(file).isFile() && !files.includes(file)) files.push(file);
    } catch {
      // Not there (a stale association): nothing to open.
    }
  }
  return files;
}

/** The queue of files to open, filled by main and taken by the renderer. */
export class OpenQueue {
  private paths: string[] = [];

  /** Adds files (already filtered by {@link filesFromArgv}); returns whether any was new. */
  add(files: readonly string[]): boolean {
    const fresh = files.filter((f) => !this.paths.includes(f));
    this.paths.push(...fresh);
    return fresh.length > 0;
  }

  /**
   * Reads and empties the queue, oldest first. A file past the import limit (100 MiB) or that
   * cannot be read comes back with the reason instead of its bytes.
   */
  async take(): Promise<OpenRequest[]> {
    const paths = this.paths;
    this.paths = [];
    return Promise.all(
      paths.map(async (file): Promise<OpenRequest> => {
        const fileName = path.basename(file);
        try {
          const { size } = await fs.stat(file);
          if (size > MAX_IMPORT_BYTES)
            return {
              fileName,
              error: `文件超过 ${MAX_IMPORT_BYTES / 2 ** 20} MiB，无法导入 (file too large)`,
            };
          return { fileName, bytes: new Uint8Array(await fs.readFile(file)) };
        } catch (err) {
          return {
            fileName,
            error: `无法读取文件：${(err as NodeJS.ErrnoException).code ?? String(err)} (cannot read the file)`,
          };
        }
      }),
    );
  }
}
