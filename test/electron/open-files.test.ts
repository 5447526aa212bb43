/**
 * "Open with Qiyue": which command-line arguments are files to open, and the queue the
 * renderer takes them from (electron/main/open-files.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv, OpenQueue } from '../../electron/main/open-files';
import { MAX_IMPORT_BYTES } from '../../shared/domain/errors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-open-'));
const file = (name: string, bytes: Buffer | string = 'x') => {
  fs.writeFileSync(path.join(dir, name), bytes);
  return path.join(dir, name);
};

describe('files from the command line', () => {
  it('keeps existing files Qiyue imports, resolved against the working folder', () => {
    const pdf = file('合同.pdf');
    const ofd = file('发票.OFD');
    file('notes.exe');
    expect(
      filesFromArgv(
        ['/opt/Qiyue/qiyue', '--no-sandbox', '合同.pdf', 'notes.exe', ofd, 'gone.docx', '合同.pdf'],
        dir,
      ),
    ).toEqual([pdf, ofd]);
  });

  it('ignores the executable, options and electron’s app folder in development', () => {
    expect(filesFromArgv([path.join(dir, 'x.pdf'), '.', '--inspect=9229'], dir)).toEqual([]);
    fs.mkdirSync(path.join(dir, 'folder.pdf'), { recursive: true });
    expect(filesFromArgv(['qiyue', 'folder.pdf'], dir)).toEqual([]);
  });
});

describe('the open queue', () => {
  it('gives each file once, with its bytes, oldest first', async () => {
    const q = new OpenQueue();
    const a = file('a.pdf', '%PDF-a');
    const b = file('b.docx', 'PK-b');
    expect(q.add([a])).toBe(true);
    expect(q.add([a, b])).toBe(true);
    expect(q.add([b])).toBe(false);
    const taken = await q.take();
    expect(taken.map((t) => t.fileName)).toEqual(['a.pdf', 'b.docx']);
    expect('bytes' in taken[0] && Buffer.from(taken[0].bytes).toString()).toBe('%PDF-a');
    expect(await q.take()).toEqual([]);
  });

  it('says why a file cannot be opened: gone since, or past the import limit', async () => {
    const q = new OpenQueue();
    const gone = file('gone.pdf');
    const big = path.join(dir, 'big.pdf');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_IMPORT_BYTES + 1);
    q.add([gone, big]);
    fs.rmSync(gone);
    const [a, b] = await q.take();
    expect(a).toEqual({ fileName: 'gone.pdf', error: expect.stringContaining('ENOENT') });
    expect(b).toEqual({ fileName: 'big.pdf', error: expect.stringContaining('100 MiB') });
  });
});
