// The Electron shell: lifecycle, the window, the private protocol, IPC and
// the security guards. It holds no logic of its own: everything is main/core,
// wired by main/composition.ts exactly as the browser host wires it.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, safeStorage, session } from 'electron';
import type { App } from '../composition';
import { createApp } from '../composition';
import { createFileLogger } from '../log-file';
import { defaultDataDir } from '../paths';
import { APP_ORIGIN, broadcast, createSenderGuard, registerContract } from './ipc';
import { serveRenderer, SCHEME } from './protocol';
import { createSafeStorageProtector } from './safe-storage-protector';
import { denyPermissions, guardWebContents, secureWebPreferences } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

const dataDir = defaultDataDir();
app.setPath('userData', dataDir);

const ourWebContents = new Set<number>();
let core: App | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'SW Desk',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  const id = window.webContents.id;
  ourWebContents.add(id);
  window.on('closed', () => ourWebContents.delete(id));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [first] = BrowserWindow.getAllWindows();
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  app.whenReady().then(() => {
    denyPermissions(session.defaultSession);
    serveRenderer(protocol, path.join(app.getAppPath(), 'dist', 'renderer'));
    const logger = createFileLogger(dataDir);
    try {
      core = createApp({ dataDir, host: 'electron', protector: createSafeStorageProtector(safeStorage), logger });
    } catch (error) {
      // A newer or damaged database: say what happened instead of showing a stack trace.
      dialog.showErrorBox('SW Desk cannot open its data', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    const started = core;
    registerContract(ipcMain, started.dispatch, createSenderGuard(ourWebContents));
    started.subscribe((event, payload) => {
      broadcast(BrowserWindow.getAllWindows().map((w) => w.webContents), event, payload);
      if (event === 'notice' && Notification.isSupported()) {
        const notice = payload as { message: string };
        new Notification({ title: 'SW Desk', body: notice.message }).show();
      }
    });
    createWindow();
    started.start();
  }).catch((error: unknown) => {
    dialog.showErrorBox('SW Desk failed to start', String(error));
    app.quit();
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    const closing = core;
    core = null;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
}
