// Builds Qiyue's packages without reaching the network on its own (`npm run dist -- …`).
//
//   node scripts/dist.mjs [--linux] [--win] [--x64] [--arm64] [--dir] [--fetch]
//
// With no platform flag it builds the Linux .deb and AppImage; with no arch flag, both x64 and
// arm64 for Linux and x64 for Windows (electron-builder.yml); --dir stops at the unpacked app
// folder (release/linux-unpacked, …), which needs no packaging tool.
//
// What a build needs from outside the project lives in one folder, `build-offline/` (or
// $QIYUE_BUILD_OFFLINE), filled once on a connected machine and carried to the build machine:
//   electron/electron-v<version>-<platform>-<arch>.zip   Electron itself, one zip per target
//   electron/SHASUMS256.txt                              Electron's checksums, checked here
//   cache/…                                              electron-builder's tools (fpm for the
//                                                        .deb, AppImage's runtime, NSIS, …)
// On the connected machine, `--fetch` downloads the zips and checksums (from $ELECTRON_MIRROR,
// else GitHub) and runs the build once with the network, which leaves each tool in cache/.
// Without --fetch a missing zip stops the build before it starts, with the file to fetch, and
// every download electron-builder would attempt is sent to a closed port on this machine.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
/** Electron's version, as installed (the zips must match it). */
export const ELECTRON_VERSION = require('electron/package.json').version;
/** A port nothing listens on: a download electron-builder attempts fails at once, offline. */
const CLOSED = 'http://127.0.0.1:9/offline-build';

/**
 * The Electron zips a build of `targets` needs, by file name.
 * @param {{ platform: 'linux' | 'win32', arch: 'x64' | 'arm64' }[]} targets
 */
export function electronZips(targets) {
  return targets.map((t) => `electron-v${ELECTRON_VERSION}-${t.platform}-${t.arch}.zip`);
}

/**
 * Checks that every zip is in `dir` and, when SHASUMS256.txt is there too, that each matches
 * its published SHA-256. Returns what is wrong, one line each (empty when all is well).
 * @param {string} dir the `electron/` folder
 * @param {string[]} zips
 */
export function checkElectronZips(dir, zips) {
  const problems = [];
  const sums = new Map();
  const sumsFile = path.join(dir, 'SHASUMS256.txt');
  if (fs.existsSync(sumsFile))
    for (const line of fs.readFileSync(sumsFile, 'utf8').split('\n')) {
      const m = /^([0-9a-f]{64}) [ *]?(\S+)$/.exec(line.trim());
      if (m) sums.set(m[2], m[1]);
    }
  for (const zip of zips) {
    const file = path.join(dir, zip);
    if (!fs.existsSync(file)) {
      problems.push(`missing ${path.relative(ROOT, file) || file}`);
      continue;
    }
    const want = sums.get(zip);
    if (sums.size > 0 && !want) problems.push(`${zip} is not listed in SHASUMS256.txt`);
    if (want) {
      const got = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      if (got !== want) problems.push(`${zip}: SHA-256 ${got}, SHASUMS256.txt says ${want}`);
    }
  }
  return problems;
}

/** Parses the command line into targets and flags (see the head of this file). */
export function parseArgs(argv) {
  const flags = new Set(argv);
  const unknown = argv.filter(
    (a) => !['--linux', '--win', '--x64', '--arm64', '--dir', '--fetch'].includes(a),
  );
  if (unknown.length) throw new Error(`unknown option ${unknown.join(' ')}`);
  const platforms = [flags.has('--linux') && 'linux', flags.has('--win') && 'win32'].filter(
    Boolean,
  );
  if (platforms.length === 0) platforms.push('linux');
  const archs = [flags.has('--x64') && 'x64', flags.has('--arm64') && 'arm64'].filter(Boolean);
  const targets = [];
  for (const platform of platforms) {
    // Windows is built for x64 only (electron-builder.yml).
    const own = platform === 'linux' ? ['x64', 'arm64'] : ['x64'];
    for (const arch of archs.length ? archs.filter((a) => own.includes(a)) : own)
      targets.push({ platform, arch });
  }
  if (targets.length === 0) throw new Error('no target: Windows is built for x64 only');
  return { targets, dir: flags.has('--dir'), fetch: flags.has('--fetch') };
}

/** The native packages sharp and the canvas need on `arch` (npm installs only the host's). */
export function nativePackagesFor(platform, arch) {
  const sharpVersion = require('sharp/package.json').version;
  const libvips =
    require('sharp/package.json').optionalDependencies[`@img/sharp-libvips-${platform}-${arch}`];
  const canvas = require('@napi-rs/canvas/package.json').version;
  const canvasSuffix = platform === 'win32' ? 'msvc' : 'gnu';
  return [
    `@img/sharp-${platform}-${arch}@${sharpVersion}`,
    ...(libvips ? [`@img/sharp-libvips-${platform}-${arch}@${libvips}`] : []),
    `@napi-rs/canvas-${platform}-${arch}-${canvasSuffix}@${canvas}`,
  ];
}

/** Which of `packages` ("name@version") are not in node_modules at that version. */
function missingPackages(packages) {
  return packages.filter((spec) => {
    const at = spec.lastIndexOf('@');
    const file = path.join(ROOT, 'node_modules', spec.slice(0, at), 'package.json');
    return (
      !fs.existsSync(file) ||
      JSON.parse(fs.readFileSync(file, 'utf8')).version !== spec.slice(at + 1)
    );
  });
}

async function download(url, file) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
}

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function main() {
  const { targets, dir, fetch: online } = parseArgs(process.argv.slice(2));
  const offline = path.resolve(process.env.QIYUE_BUILD_OFFLINE ?? path.join(ROOT, 'build-offline'));
  const electronDir = path.join(offline, 'electron');
  const cacheDir = path.join(offline, 'cache');
  fs.mkdirSync(electronDir, { recursive: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  const zips = electronZips(targets);

  if (online) {
    const mirror = (
      process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'
    ).replace(/\/?$/, '/');
    const base = `${mirror}v${ELECTRON_VERSION}/`;
    await download(`${base}SHASUMS256.txt`, path.join(electronDir, 'SHASUMS256.txt'));
    for (const zip of zips)
      if (!fs.existsSync(path.join(electronDir, zip))) {
        console.log(`fetching ${base}${zip}`);
        await download(base + zip, path.join(electronDir, zip));
      }
  }
  const problems = checkElectronZips(electronDir, zips);
  // A cross build needs the other architecture's sharp and canvas binaries in node_modules.
  const hostPlatform = process.platform === 'win32' ? 'win32' : process.platform;
  const natives = targets
    .filter((t) => t.platform !== hostPlatform || t.arch !== process.arch)
    .flatMap((t) => nativePackagesFor(t.platform, t.arch));
  const absent = missingPackages(natives);
  if (absent.length)
    problems.push(
      `native packages for the target are not installed; run (from the npm registry or its mirror):\n` +
        `    npm install --no-save --force ${absent.join(' ')}`,
    );
  if (problems.length) {
    console.error(
      `Cannot build offline:\n  ${problems.join('\n  ')}\n` +
        `Fill ${path.relative(ROOT, offline) || offline}/ on a connected machine with ` +
        `\`npm run dist -- --fetch ${process.argv
          .slice(2)
          .filter((a) => a !== '--fetch')
          .join(' ')}\` (see the README).`,
    );
    process.exit(2);
  }

  const env = {
    ...process.env,
    ELECTRON_BUILDER_CACHE: cacheDir,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  };
  if (!online) {
    // electron-builder's tools come from cache/; anything it would download instead fails here.
    Object.assign(env, {
      ELECTRON_BUILDER_BINARIES_ALLOW_HTTP: 'true',
      ELECTRON_BUILDER_BINARIES_DOWNLOAD_OVERRIDE_URL: CLOSED,
      ELECTRON_BUILDER_BINARIES_MIRROR: `${CLOSED}/`,
      ELECTRON_MIRROR: `${CLOSED}/`,
    });
  }
  if (!process.env.QIYUE_DIST_SKIP_BUILD) run('npm', ['run', 'build'], env);
  // One electron-builder run per platform, each with its own architectures.
  for (const platform of new Set(targets.map((t) => t.platform))) {
    const args = ['electron-builder', `-c.electronDist=${electronDir}`, '--publish', 'never'];
    args.push(platform === 'linux' ? '--linux' : '--win');
    if (dir) args.push('dir');
    for (const t of targets) if (t.platform === platform) args.push(`--${t.arch}`);
    if (process.env.QIYUE_DIST_OUTPUT)
      args.push(`-c.directories.output=${process.env.QIYUE_DIST_OUTPUT}`);
    run('npx', args, env);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
