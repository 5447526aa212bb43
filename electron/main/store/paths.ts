/**
 * Where Qiyue keeps its data: `QIYUE_DATA_DIR` when set, else the platform's per-user
 * application-data folder (`~/.config/qiyue` on Linux, `~/Library/Application Support/qiyue`
 * on macOS, `%APPDATA%\qiyue` on Windows), shared by the app and the command line. Chromium's
 * profile (caches, local storage, crash reports) is kept apart from it, in the per-user cache
 * folder ({@link defaultProfileDir}), so the data folder holds Qiyue's store alone.
 */
import os from 'node:os';
import path from 'node:path';

/** The default data folder (see module doc). */
export function defaultDataDir(): string {
  if (process.env.QIYUE_DATA_DIR) return path.resolve(process.env.QIYUE_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'qiyue');
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', 'qiyue');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'qiyue');
}

/**
 * The desktop app's Chromium profile (Electron's userData): `QIYUE_PROFILE_DIR` when set, else
 * `~/.cache/qiyue/chromium` on Linux (`$XDG_CACHE_HOME`), `~/Library/Caches/qiyue/chromium` on
 * macOS, `%LOCALAPPDATA%\qiyue\chromium` on Windows: never inside the data folder.
 */
export function defaultProfileDir(): string {
  if (process.env.QIYUE_PROFILE_DIR) return path.resolve(process.env.QIYUE_PROFILE_DIR);
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(
      process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'),
      'qiyue',
      'chromium',
    );
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Caches', 'qiyue', 'chromium');
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'qiyue', 'chromium');
}
