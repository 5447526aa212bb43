/**
 * The loopback web harness: serves the built renderer and the same IPC handlers as the
 * Electron app over HTTP on 127.0.0.1, so end-to-end tests drive the real UI and the real
 * main-process code in Debian's Chromium. Only the transport differs from Electron: a bridge
 * script defines `window.qiyue.invoke` with `fetch`, and Uint8Array payloads travel as base64.
 *
 * Run by hand: `npm run harness -- --data-dir DIR [--port N]`.
 */
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { ContractStore } from '../../electron/main/store/store';
import { AppSession } from '../../electron/main/ipc/session';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { appFileFor } from '../../electron/main/app-files';
import { OpenQueue } from '../../electron/main/open-files';

const RENDERER_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/renderer',
);

/** Qiyue's version, as the app reports it (`app.getVersion()` reads the same field). */
const PACKAGE_VERSION: string = JSON.parse(
  await fs.readFile(path.resolve(RENDERER_DIR, '../../package.json'), 'utf8'),
).version;

const BRIDGE = `(() => {
  const enc = (k, v) => v instanceof Uint8Array ? { $bytes: b64(v) } : v;
  const b64 = (u8) => { let s = ''; for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode.apply(null, u8.subarray(i, i + 0x8000)); return btoa(s); };
  const dec = (k, v) => v && typeof v === 'object' && typeof v.$bytes === 'string' ? Uint8Array.from(atob(v.$bytes), (c) => c.charCodeAt(0)) : v;
  window.qiyue = {
    async invoke(channel, payload) {
      const res = await fetch('/ipc/' + encodeURIComponent(channel), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload ?? {}, enc) });
      return JSON.parse(await res.text(), dec);
    },
  };
})();`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString('base64') } : v,
  );
}

function decodeJson(text: string): unknown {
  return JSON.parse(text, (_k, v) =>
    v && typeof v === 'object' && typeof v.$bytes === 'string'
      ? new Uint8Array(Buffer.from(v.$bytes, 'base64'))
      : v,
  );
}

/** A running harness: its URL, its session and a function to stop it. */
export interface Harness {
  url: string;
  /** The open store. @throws QiyueError `locked` while an encrypted folder is locked */
  readonly store: ContractStore;
  session: AppSession;
  /** Files "the operating system" asks the app to open, as main's queue in the app. */
  openRequests: OpenQueue;
  close(): Promise<void>;
}

/**
 * Starts the harness for the store in `dataDir` on 127.0.0.1 (`port` 0 picks a free one).
 * @param options.printToPdf prints the HTML report to PDF, as Electron's printToPDF does in the
 *   app (the end-to-end tests print with their own Chromium); without it `pdf` is refused
 */
export async function startHarness(
  dataDir: string,
  port = 0,
  options: { printToPdf?: (html: string) => Promise<Uint8Array> } = {},
): Promise<Harness> {
  // As the app does (electron/main/index.ts): locked while an encrypted folder is, and, once open,
  // contracts of an older analyser analysed again in the background.
  const openRequests = new OpenQueue();
  const session = await AppSession.start(
    await ContractStore.isEncrypted(dataDir),
    (passphrase) => ContractStore.open(dataDir, { passphrase }),
    {
      onOpen: (store) =>
        void store
          .reanalyzeOutdated()
          .catch((err: Error) => console.error(`re-analysis failed: ${err.message}`)),
      openRequests,
      printToPdf: options.printToPdf,
      installation: { dataDir: path.resolve(dataDir), version: PACKAGE_VERSION },
    },
  );
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      // Only this loopback address by its own name: a page elsewhere that points a host name at
      // 127.0.0.1 (DNS rebinding) sends another Host, and its calls another Origin.
      const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      if (req.headers.host !== origin.slice('http://'.length)) {
        res.writeHead(403).end();
        return;
      }
      if (req.method === 'POST' && url.pathname.startsWith('/ipc/')) {
        // The sender check: only pages served by this harness may call.
        if (req.headers.origin !== undefined && req.headers.origin !== origin) {
          res.writeHead(403).end();
          return;
        }
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        let payload: unknown;
        try {
          payload = decodeJson(Buffer.concat(chunks).toString('utf8'));
        } catch {
          payload = Symbol('malformed');
        }
        const result = await session.dispatch(decodeURIComponent(url.pathname.slice(5)), payload);
        res.writeHead(200, { 'content-type': 'application/json' }).end(encodeJson(result));
        return;
      }
      if (url.pathname === '/harness-bridge.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(BRIDGE);
        return;
      }
      const rel = url.pathname === '/' ? '/index.html' : url.pathname;
      const found = await appFileFor(RENDERER_DIR, rel);
      if ('refused' in found) {
        res.writeHead(found.refused === 'forbidden' ? 403 : 404).end();
        return;
      }
      const file = found.file;
      let body: Buffer | string = await fs.readFile(file);
      if (rel === '/index.html') {
        body = body
          .toString('utf8')
          .replace(
            '<script type="module"',
            '<script src="./harness-bridge.js"></script>\n    <script type="module"',
          );
      }
      res
        .writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
        })
        .end(body);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 404 : 500;
      res.writeHead(code).end(String(code));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    get store() {
      return session.store;
    },
    session,
    openRequests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && /harness\.ts$/.test(process.argv[1])) {
  const args = process.argv.slice(2);
  const dataDir = args.includes('--data-dir')
    ? args[args.indexOf('--data-dir') + 1]
    : '.qiyue-data';
  const port = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : 5174;
  void startHarness(dataDir, port).then((h) =>
    console.log(`Qiyue harness on ${h.url} (data: ${path.resolve(dataDir)})`),
  );
}
