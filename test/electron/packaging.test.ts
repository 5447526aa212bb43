/**
 * What the packaged app is built with (electron-builder.yml): Electron's fuses flipped so the
 * shipped binary cannot be turned into a Node runtime or a debugger target, and loads only its
 * own, integrity-checked asar archive.
 */
import fs from 'node:fs';
import yaml from 'js-yaml';
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
});
