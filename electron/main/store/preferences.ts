/**
 * The installation's interface preferences, kept beside the store in the data folder as
 * `preferences.json` (plain JSON, even when the store is encrypted: the unlock screen needs the
 * language before the passphrase, and the file holds nothing about any contract). A missing,
 * unreadable or malformed file reads as the defaults; it is written atomically.
 */
import path from 'node:path';
import { z } from 'zod';
import { LanguageSchema } from '../../../shared/ipc/contract';
import { readTextIfExists, writeFileAtomic } from './atomic-file';
import { makePrivateFolder } from './private-folder';

/** What the file holds: `{ language: 'zh-CN' | 'en' }`. */
const PreferencesSchema = z.object({ language: LanguageSchema }).strip();
export type Preferences = z.infer<typeof PreferencesSchema>;

/** The defaults: the Chinese interface. */
export const DEFAULT_PREFERENCES: Preferences = { language: 'zh-CN' };

/** Largest preferences file read (anything larger is not ours and reads as the defaults). */
const MAX_BYTES = 64 * 1024;

/** The file's path in a data folder. */
export function preferencesFile(dataDir: string): string {
  return path.join(dataDir, 'preferences.json');
}

/**
 * The data folder's preferences, or {@link DEFAULT_PREFERENCES} when the file is missing,
 * larger than 64 KiB, not JSON or not of the schema.
 * @throws the system's errors other than a missing file (e.g. EACCES)
 */
export async function readPreferences(dataDir: string): Promise<Preferences> {
  const text = await readTextIfExists(preferencesFile(dataDir));
  if (text === null || text.length > MAX_BYTES) return { ...DEFAULT_PREFERENCES };
  try {
    const parsed = PreferencesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { ...DEFAULT_PREFERENCES };
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
}

/**
 * Merges `change` into the data folder's preferences and writes them atomically; creates the
 * folder (owner-only) when it does not exist yet.
 * @returns the preferences now in force
 */
export async function writePreferences(
  dataDir: string,
  change: Partial<Preferences>,
): Promise<Preferences> {
  const next = PreferencesSchema.parse({ ...(await readPreferences(dataDir)), ...change });
  await makePrivateFolder(dataDir);
  await writeFileAtomic(preferencesFile(dataDir), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
