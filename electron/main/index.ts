/**
 * The Electron shell, kept thin: one window, the `app://` protocol serving the built renderer,
 * the IPC bridge to the plain-Node handlers, and the security settings of an air-gapped
 * machine (context isolation, sandbox, no Node in the renderer, strict CSP, no navigation, no
 * new windows, no network requests).
 */
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ContractStore } from './store/store';
import { IsolatedParser } from './isolation/parser';
import { spawnUtilityParser } from './isolation/utility';
import { defaultDataDir, defaultProfileDir } from './store/paths';
import { AppSession } from './ipc/session';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from './security';
import { appFileFor } from './app-files';
import { filesFromArgv, OpenQueue } from './open-files';

const RENDERER_DIR = path.join(__dirname, '..', 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// Chromium's profile apart from the data folder, which holds the store alone.
app.setPath('userData', defaultProfileDir());

// Files the operating system asks Qiyue to open (open-files.ts): at start, and from a second
// start, whose files go to this instance.
const openRequests = new OpenQueue();
openRequests.add(filesFromArgv(process.argv, process.cwd()));

// One Qiyue at a time: a second start focuses the window of the first (one writer of the store),
// which then takes the files it was started with (the renderer asks on focus).
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', (_e, argv, cwd) => {
  openRequests.add(filesFromArgv(argv, cwd));
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

/**
 * Prints an HTML report to A4 PDF in a hidden window: sandboxed, no scripts, no preload, the
 * document given as a data: URL (the network filter lets nothing else through).
 * @throws Electron's error when the page cannot be loaded or printed
 */
async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    win.webContents.on('will-navigate', (e) => e.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}

async function createWindow(): Promise<void> {
  // Files are read and analysed in a utility process under time and memory limits.
  const parser = new IsolatedParser(undefined, spawnUtilityParser);
  app.on('will-quit', () => parser.close());
  const dataDir = defaultDataDir();
  // An encrypted data folder starts locked: the window asks for the passphrase (`ipc/session.ts`).
  const session = await AppSession.start(
    await ContractStore.isEncrypted(dataDir),
    (passphrase) =>
      ContractStore.open(dataDir, { parse: (...args) => parser.parse(...args), passphrase }),
    {
      // Contracts analysed by an older Qiyue are analysed again in the background, one atomic
      // write each; the library shows each as it lands.
      onOpen: (store) =>
        void store
          .reanalyzeOutdated()
          .catch((err: Error) => console.error(`re-analysis failed: ${err.message}`)),
      openRequests,
      printToPdf: printHtmlToPdf,
      installation: {
        dataDir,
        version: app.getVersion(),
        electron: process.versions.electron ?? null,
        chrome: process.versions.chrome ?? null,
      },
    },
  );

  ipcMain.handle('qiyue:invoke', async (event, channel: unknown, payload: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!url.startsWith(`${APP_ORIGIN}/`)) {
      return { ok: false, error: { code: 'invalid-request', message: `refused IPC from ${url}` } };
    }
    return session.dispatch(channel, payload);
  });

  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: '契阅 Qiyue',
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click on a link would open it in a new window outside the open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.whenReady().then(async () => {
  // Serve the built renderer; refuse anything outside its folder.
  protocol.handle('app', async (request) => {
    const found = await appFileFor(RENDERER_DIR, new URL(request.url).pathname);
    if ('refused' in found)
      return found.refused === 'forbidden'
        ? new Response('forbidden', { status: 403 })
        : new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(found.file).href);
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(res.body, { status: res.status, headers });
  });
  // No network at run time: only app:// and devtools requests go through.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const ok =
      details.url.startsWith(`${APP_ORIGIN}/`) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('blob:') ||
      details.url.startsWith('data:');
    callback({ cancel: !ok });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  // Nor does a permission check (notifications, clipboard, media…) ever succeed.
  session.defaultSession.setPermissionCheckHandler(() => false);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
      {
        label: '编辑',
        submenu: [
          { role: 'copy', label: '复制' },
          { role: 'selectAll', label: '全选' },
        ],
      },
      {
        label: '视图',
        submenu: [
          { role: 'reload', label: '重新加载' },
          { role: 'togglefullscreen', label: '全屏' },
        ],
      },
    ]),
  );
  await createWindow();
});

app.on('window-all-closed', () => app.quit());
