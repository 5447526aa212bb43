/**
 * A stand-in for Electron's release zip, for packaging on a machine that cannot download the
 * real one (this one: no GitHub). It has the layout of `electron-v<version>-linux-<arch>.zip`
 * — the executable, Chromium's paks and libraries, `locales/`, `resources/default_app.asar` (a
 * real asar), LICENSE and `version` — but every file is a placeholder. The executable is a shell
 * script that says so and exits 3; it carries Electron's fuse wire (sentinel, version 1, eight
 * fuses in Electron's default states) so that electron-builder's fuse flipping runs on it as on
 * the real binary, and a test can read what the package's fuses were set to.
 *
 * Used by test/electron/package.test.ts, and by hand to follow the README's packaging steps here:
 *   npx tsx test/support/standin-electron.ts build-offline/electron
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';

const require = createRequire(import.meta.url);

/** Electron's fuse wire sentinel (`@electron/fuses`' constants). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's default fuse states, in wire order: RunAsNode 1, EnableCookieEncryption 0,
 * EnableNodeOptionsEnvironmentVariable 1, EnableNodeCliInspectArguments 1,
 * EnableEmbeddedAsarIntegrityValidation 0, OnlyLoadAppFromAsar 0,
 * LoadBrowserProcessSpecificV8Snapshot 0, GrantFileProtocolExtraPrivileges 1.
 */
const DEFAULT_FUSES = '10110001';

/** The files of Electron's Linux zip besides the executable, `version` and the asar. */
const LINUX_FILES = [
  'LICENSE',
  'LICENSES.chromium.html',
  'chrome-sandbox',
  'chrome_100_percent.pak',
  'chrome_200_percent.pak',
  'chrome_crashpad_handler',
  'icudtl.dat',
  'libEGL.so',
  'libGLESv2.so',
  'libffmpeg.so',
  'libvk_swiftshader.so',
  'libvulkan.so.1',
  'resources.pak',
  'snapshot_blob.bin',
  'v8_context_snapshot.bin',
  'vk_swiftshader_icd.json',
  'locales/en-US.pak',
  'locales/zh-CN.pak',
];

/** The installed Electron's version (the zip's name and `version` file carry it). */
export const electronVersion = (): string => require('electron/package.json').version;

/**
 * Writes the stand-in zip for linux-`arch` into `dir`, and a SHASUMS256.txt listing it (as
 * Electron's release publishes one), and returns the zip's path.
 */
export async function writeStandinElectron(
  dir: string,
  arch: 'x64' | 'arm64' = 'x64',
): Promise<string> {
  const version = electronVersion();
  const zip = new JSZip();
  const executable =
    '#!/bin/sh\n' +
    'echo "stand-in for Electron ' +
    version +
    ': this package was built without the Electron binary" >&2\n' +
    'exit 3\n' +
    `# ${FUSE_SENTINEL}\x01\x08${DEFAULT_FUSES}\n`;
  zip.file('electron', executable, { unixPermissions: 0o755, binary: true });
  for (const name of LINUX_FILES) zip.file(name, `placeholder ${name}\n`);
  zip.file('version', version);
  zip.file('resources/default_app.asar', await defaultAppAsar());
  const bytes = await zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX' });
  fs.mkdirSync(dir, { recursive: true });
  const name = `electron-v${version}-linux-${arch}.zip`;
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  const sums = path.join(dir, 'SHASUMS256.txt');
  const kept = fs.existsSync(sums)
    ? fs
        .readFileSync(sums, 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !l.endsWith(name))
    : [];
  fs.writeFileSync(sums, [...kept, `${sha} *${name}`].join('\n') + '\n');
  return file;
}

/** Electron's default app, as a real (tiny) asar archive: electron-builder reads its header. */
async function defaultAppAsar(): Promise<Buffer> {
  const asar = await import('@electron/asar');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-default-app-'));
  try {
    fs.mkdirSync(path.join(tmp, 'app'));
    fs.writeFileSync(
      path.join(tmp, 'app', 'package.json'),
      JSON.stringify({ name: 'electron', main: 'main.js' }),
    );
    fs.writeFileSync(path.join(tmp, 'app', 'main.js'), '// stand-in\n');
    await asar.createPackage(path.join(tmp, 'app'), path.join(tmp, 'default_app.asar'));
    return fs.readFileSync(path.join(tmp, 'default_app.asar'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const dir = process.argv[2] ?? 'build-offline/electron';
  const arches = (process.argv[3] ?? 'x64').split(',') as ('x64' | 'arm64')[];
  for (const arch of arches) console.log(await writeStandinElectron(dir, arch));
}
