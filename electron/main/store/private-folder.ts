/**
 * The data folder is the user's alone: 0700 on Linux and macOS; on Windows an ACL that grants
 * the user (and nobody else) full control, inherited by everything written under it, instead
 * of the permissions %APPDATA% would pass down.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';

/** POSIX mode of every folder the store writes. */
export const PRIVATE_FOLDER_MODE = 0o700;

/**
 * `icacls` arguments that leave `dir` to `user` alone: inherited entries removed, explicit
 * ones replaced by full control for the user, passed on to sub-folders (CI) and files (OI).
 * @param user the account as Windows names it, `DOMAIN\name`
 */
export function ownerOnlyAclArgs(dir: string, user: string): string[] {
  return [dir, '/inheritance:r', '/grant:r', `${user}:(OI)(CI)F`, '/q'];
}

/**
 * Creates `dir` (and its parents) if needed, owner-only. On Windows the ACL is set when this
 * call creates the folder (a folder the user made or shared on purpose keeps its ACL).
 * @throws the file system's error when the folder cannot be created or its mode not set; on
 *   Windows, icacls's when it refuses
 */
export async function makePrivateFolder(dir: string): Promise<void> {
  const created = await fs.mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (process.platform !== 'win32') {
    await fs.chmod(dir, PRIVATE_FOLDER_MODE);
    return;
  }
  if (created === undefined) return;
  const user = process.env.USERDOMAIN
    ? `${process.env.USERDOMAIN}\\${process.env.USERNAME}`
    : (process.env.USERNAME ?? '');
  if (!user) return;
  await promisify(execFile)('icacls', ownerOnlyAclArgs(dir, user), { windowsHide: true });
}
