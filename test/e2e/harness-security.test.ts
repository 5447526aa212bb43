/**
 * The loopback harness serves only its own address by its own name (no DNS rebinding), takes
 * IPC only from its own pages, and serves nothing outside the built renderer (a sibling folder
 * named like it, `..` in any encoding).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-harness-sec-')));
});
afterAll(async () => {
  await harness?.close();
});

/** A raw request with the headers given (fetch would not let us set Host). */
function request(
  pathname: string,
  headers: Record<string, string>,
  method = 'GET',
  body = '',
): Promise<number> {
  const url = new URL(harness.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: url.port, path: pathname, method, headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the loopback harness', () => {
  it('serves its own pages by its own address, and nothing by another name', async () => {
    const own = new URL(harness.url).host;
    expect(await request('/', { host: own })).toBe(200);
    expect(await request('/', { host: `evil.example:${new URL(harness.url).port}` })).toBe(403);
    expect(await request('/', { host: `localhost:${new URL(harness.url).port}` })).toBe(403);
  });

  it('takes IPC only from its own origin', async () => {
    const own = new URL(harness.url).host;
    const call = (origin?: string) =>
      request(
        '/ipc/contracts:list',
        { host: own, 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        'POST',
        '{}',
      );
    expect(await call(`http://${own}`)).toBe(200);
    expect(await call('http://evil.example')).toBe(403);
  });

  it('serves nothing outside the built renderer', async () => {
    const own = new URL(harness.url).host;
    const sibling = path.resolve('dist/renderer-sibling');
    fs.mkdirSync(sibling, { recursive: true });
    fs.writeFileSync(path.join(sibling, 'secret.txt'), 'secret');
    try {
      expect(await request('/..%2frenderer-sibling%2fsecret.txt', { host: own })).toBe(403);
      expect(await request('/%2e%2e%2fpackage.json', { host: own })).toBe(403);
      // URL parsing already resolves `/%2e%2e/` to `/`: the file asked for is inside, and absent.
      expect(await request('/%2e%2e/package.json', { host: own })).toBe(404);
      expect(await request('/no-such-file.js', { host: own })).toBe(404);
    } finally {
      fs.rmSync(sibling, { recursive: true, force: true });
    }
  });
});
