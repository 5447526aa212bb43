/**
 * The built Electron main process (dist-electron/main.cjs), loaded in plain Node with a stand-in
 * for the `electron` module that records what the shell asks of Electron: the window's security
 * settings, navigation and window-open refusals, the network filter, the permission handler,
 * the `app://` protocol (CSP header, no path traversal) and the IPC bridge (sender check,
 * payload validation, real handlers). The Electron binary cannot run here; this checks the
 * shell's own code as shipped.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Module, { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedPath } from '../support/seeds';
import { readStoreData } from '../support/store-files';

type Fn = (...args: any[]) => any;
const rec: {
  schemes?: unknown;
  protocol?: Fn;
  filter?: Fn;
  permission?: Fn;
  ipc: Record<string, Fn>;
  window?: { webPreferences: Record<string, unknown> };
  webContents: Record<string, Fn>;
  openHandler?: Fn;
  url?: string;
  userData?: string;
  utilityForks?: number;
  singleInstance?: boolean;
  permissionCheck?: Fn;
  appEvents: Record<string, Fn>;
  focused?: number;
  printWindow?: {
    opts: { show?: boolean; webPreferences: Record<string, unknown> };
    url?: string;
    options?: unknown;
    destroyed: boolean;
  };
} = { ipc: {}, webContents: {}, appEvents: {} };

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-shell-'));
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-shell-profile-'));

const fakeElectron = {
  app: {
    setPath: (_k: string, v: string) => (rec.userData = v),
    getPath: () => dataDir,
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => {
      rec.singleInstance = true;
      return true;
    },
    on: (ev: string, fn: Fn) => (rec.appEvents[ev] = fn),
    quit: () => undefined,
    getVersion: () => '0.0.0-test',
  },
  protocol: {
    registerSchemesAsPrivileged: (s: unknown) => (rec.schemes = s),
    handle: (_scheme: string, fn: Fn) => (rec.protocol = fn),
  },
  session: {
    defaultSession: {
      webRequest: { onBeforeRequest: (fn: Fn) => (rec.filter = fn) },
      setPermissionRequestHandler: (fn: Fn) => (rec.permission = fn),
      setPermissionCheckHandler: (fn: Fn) => (rec.permissionCheck = fn),
    },
  },
  ipcMain: { handle: (channel: string, fn: Fn) => (rec.ipc[channel] = fn) },
  BrowserWindow: class {
    static getAllWindows = () => [
      { isMinimized: () => false, focus: () => (rec.focused = (rec.focused ?? 0) + 1) },
    ];
    // The first window is the app's; later ones print the report (hidden).
    private readonly print: boolean;
    webContents: Record<string, Fn>;
    constructor(opts: { show?: boolean; webPreferences: Record<string, unknown> }) {
      this.print = !!rec.window;
      if (this.print) rec.printWindow = { opts, destroyed: false };
      else rec.window = opts;
      this.webContents = this.print
        ? {
            on: () => undefined,
            setWindowOpenHandler: () => undefined,
            printToPDF: async (o: unknown) => {
              rec.printWindow!.options = o;
              return Buffer.from('%PDF-1.7 printed');
            },
          }
        : {
            on: (ev: string, fn: Fn) => (rec.webContents[ev] = fn),
            setWindowOpenHandler: (fn: Fn) => (rec.openHandler = fn),
          };
    }
    loadURL(url: string) {
      if (this.print) rec.printWindow!.url = url;
      else rec.url = url;
      return Promise.resolve();
    }
    destroy() {
      if (this.print) rec.printWindow!.destroyed = true;
    }
  },
  Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t: unknown) => t },
  // Electron's utility process, as far as the parser uses it: a Node child process running the
  // bundled parser (which answers through `process.send` when it has no `parentPort`).
  utilityProcess: {
    fork: (modulePath: string, args: string[], opts: { execArgv?: string[] }) => {
      rec.utilityForks = (rec.utilityForks ?? 0) + 1;
      const child = fork(modulePath, args, {
        execArgv: opts.execArgv ?? [],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      return {
        pid: child.pid,
        stderr: child.stderr,
        postMessage: (m: unknown) => child.send(m as never),
        on: (ev: string, fn: Fn) => child.on(ev, fn),
        once: (ev: string, fn: Fn) => child.once(ev, fn),
        kill: () => child.kill('SIGKILL'),
      };
    },
  },
  net: {
    fetch: async (url: string) => {
      try {
        return new Response(fs.readFileSync(new URL(url)), { status: 200 });
      } catch {
        return new Response('not found', { status: 404 });
      }
    },
  },
};

beforeAll(async () => {
  if (!fs.existsSync('dist-electron/main.cjs'))
    throw new Error('main process not built: run npm run build');
  process.env.QIYUE_DATA_DIR = dataDir;
  process.env.QIYUE_PROFILE_DIR = profileDir;
  const original = (Module as any)._load;
  (Module as any)._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fakeElectron : original.call(this, request, ...rest);
  };
  try {
    createRequire(import.meta.url)(path.resolve('dist-electron/main.cjs'));
  } finally {
    (Module as any)._load = original;
  }
  // Up to 20 s: the app starts when its ready promise resolves, later on a loaded machine.
  for (let i = 0; i < 400 && !rec.url; i++) await new Promise((r) => setTimeout(r, 50));
});

describe('Electron main process as built', () => {
  it('opens the app from app://qiyue in an isolated, sandboxed window without Node', () => {
    expect(rec.url).toBe('app://qiyue/index.html');
    expect(rec.window!.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(rec.window!.webPreferences.preload)).toMatch(/preload\.cjs$/);
    // Chromium's profile is not in the data folder (which holds the store alone).
    expect(rec.userData).toBe(profileDir);
    expect(path.relative(dataDir, rec.userData!).startsWith('..')).toBe(true);
  });

  it('refuses navigation, new windows, permissions and every non-app request', () => {
    let prevented = false;
    rec.webContents['will-navigate'](
      { preventDefault: () => (prevented = true) },
      'https://example.com/',
    );
    expect(prevented).toBe(true);
    expect(rec.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    let granted: boolean | undefined;
    rec.permission!(null, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      rec.filter!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://example.com/cdn/pdf.worker.js')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://qiyue/assets/index.js')).toBe(false);
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const index: Response = await rec.protocol!(new Request('app://qiyue/index.html'));
    expect(index.status).toBe(200);
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    expect(await index.text()).toContain('<div id="root">');
    const cmap: Response = await rec.protocol!(
      new Request('app://qiyue/pdfjs/cmaps/UniGB-UCS2-H.bcmap'),
    );
    expect(cmap.status).toBe(200);
    const escape: Response = await rec.protocol!(
      new Request('app://qiyue/%2e%2e%2f%2e%2e%2fpackage.json'),
    );
    expect(escape.status).toBe(403);
    // A sibling folder whose name starts with the renderer's, and a symlink out of the folder.
    const sibling = path.resolve('dist/renderer-sibling-shell');
    const link = path.resolve('dist/renderer/qiyue-test-link.json');
    fs.mkdirSync(sibling, { recursive: true });
    fs.writeFileSync(path.join(sibling, 'secret.txt'), 'secret');
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.resolve('package.json'), link);
    try {
      for (const url of [
        'app://qiyue/..%2frenderer-sibling-shell%2fsecret.txt',
        'app://qiyue/qiyue-test-link.json',
        'app://qiyue/%E0%A4%A',
      ]) {
        const res: Response = await rec.protocol!(new Request(url));
        expect(res.status, url).toBe(403);
      }
      const missing: Response = await rec.protocol!(new Request('app://qiyue/no-such-file.js'));
      expect(missing.status).toBe(404);
    } finally {
      fs.rmSync(sibling, { recursive: true, force: true });
      fs.rmSync(link, { force: true });
    }
  });

  it('holds a single-instance lock and denies every permission check', () => {
    expect(rec.singleInstance).toBe(true);
    expect(rec.permissionCheck!({}, 'clipboard-read', 'app://qiyue', {})).toBe(false);
  });

  it('answers IPC only from the app’s own frame, validating payloads', async () => {
    const invoke = rec.ipc['qiyue:invoke'];
    const fromApp = { senderFrame: { url: 'app://qiyue/index.html' } };
    const foreign = await invoke(
      { senderFrame: { url: 'https://evil.example/' } },
      'contracts:list',
      {},
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await invoke(fromApp, 'contracts:get', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    const bytes = new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'pdf')));
    const imported = await invoke(fromApp, 'contracts:import', { fileName: '004.pdf', bytes });
    expect(imported).toMatchObject({
      ok: true,
      value: { summary: { partyB: '北京慧正通软科技有限公司', totalYuan: '1160000.00' } },
    });
    expect(readStoreData(dataDir).contracts).toHaveLength(1);
    // The file was read in the bundled parser process, not in main.
    expect(rec.utilityForks).toBe(1);
    // Settings › About: the app's version and data folder; the language kept beside the store.
    expect(await invoke(fromApp, 'app:info', {})).toMatchObject({
      ok: true,
      value: { version: '0.0.0-test', dataDir, language: 'zh-CN' },
    });
    expect(await invoke(fromApp, 'app:setLanguage', { language: 'en' })).toEqual({
      ok: true,
      value: { language: 'en' },
    });
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'preferences.json'), 'utf8'))).toEqual({
      language: 'en',
    });
    expect(await invoke(fromApp, 'app:setLanguage', { language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('takes the files a second start was given ("open with Qiyue") and focuses the window', async () => {
    const invoke = rec.ipc['qiyue:invoke'];
    const fromApp = { senderFrame: { url: 'app://qiyue/index.html' } };
    expect(await invoke(fromApp, 'app:openRequests', {})).toEqual({
      ok: true,
      value: { files: [] },
    });
    const seed = seedPath('002_21901a1de7442d81', 'docx');
    rec.appEvents['second-instance'](
      {},
      ['/opt/Qiyue/qiyue', '--no-sandbox', path.relative(process.cwd(), seed), 'notes.exe'],
      process.cwd(),
    );
    expect(rec.focused).toBe(1);
    const taken = await invoke(fromApp, 'app:openRequests', {});
    expect(taken.ok).toBe(true);
    expect(taken.value.files).toHaveLength(1);
    expect(taken.value.files[0].fileName).toBe(path.basename(seed));
    expect(Buffer.from(taken.value.files[0].bytes).equals(fs.readFileSync(seed))).toBe(true);
    // Taken once.
    expect(await invoke(fromApp, 'app:openRequests', {})).toEqual({
      ok: true,
      value: { files: [] },
    });
  });

  it('prints the report in a hidden window without scripts, from a data: URL, and closes it', async () => {
    const invoke = rec.ipc['qiyue:invoke'];
    const fromApp = { senderFrame: { url: 'app://qiyue/index.html' } };
    const list = await invoke(fromApp, 'contracts:list', {});
    const id = list.value[0].id;
    const printed = await invoke(fromApp, 'report:export', { id, format: 'pdf' });
    expect(printed.ok).toBe(true);
    expect(printed.value.fileName).toMatch(/^审阅报告-.*\.pdf$/);
    expect(Buffer.from(printed.value.bytes).toString()).toBe('%PDF-1.7 printed');
    const w = rec.printWindow!;
    expect(w.opts.show).toBe(false);
    expect(w.opts.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    });
    expect(w.opts.webPreferences.preload).toBeUndefined();
    expect(w.url!.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(w.url!)).toContain('合同审阅报告');
    expect(w.options).toMatchObject({ pageSize: 'A4' });
    expect(w.destroyed).toBe(true);
  });
});
