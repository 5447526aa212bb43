/**
 * Where Qiyue keeps its data: `QIYUE_DATA_DIR` when set, else the platform's per-user
 * application-data folder (`~/.config/qiyue` on Linux, `~/Library/Application Support/qiyue`
 * on macOS, `%APPDATA%\qiyue` on Windows). The desktop app sets Electron's userData to the same
 * folder, so the app and the command line share one store.
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
