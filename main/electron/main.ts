// The Electron shell: lifecycle, the window, the menu, dialogs, notifications, the private
// protocol, IPC and the security guards. It holds no logic of its own: main/desk opens the data
// (or a recovery mode when it cannot) exactly as the browser host does, and the helpers beside
// this file (menu, window state, dialogs, opened files) are tested with fakes. The built bundle
// itself is loaded under Node with a recording stand-in for electron (scripts/desktop-shell.test.ts).
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import type { MenuAction } from '../../shared/api';
import type { Locale } from '../../shared/i18n/locale';
import { defaultLocale } from '../../shared/i18n/locale';
import type { Desk } from '../desk/open-desk';
import { openDesk } from '../desk/open-desk';
import type { LogFiles } from '../logging/log-file';
import { createLogFiles } from '../logging/log-file';
import { useSqliteBinding } from '../db/sqlite';
import { adoptLegacyLocation } from '../desk/data-location';
import type { Logger } from '../logging/logger';
import { chromiumProfileDir, defaultDataDir, defaultLocationFile, updateConfigFile } from '../paths';
import { buildMenuTemplate } from './app-menu';
import { notifyReceipt } from './receipt-notice';
import { APP_ID, PRODUCT_NAME } from './app-identity';
import { createFilePicker } from './file-dialogs';
import { APP_ORIGIN, broadcast, createSenderGuard, registerContract } from './ipc';
import { archiveFilesIn } from './open-files';
import { createPdfPrinter } from './print-pdf';
import { serveRenderer, SCHEME } from './protocol';
import { createKeyProtector } from '../core/signing/key-protector';
import { safeStorageKeychain } from './safe-storage-keychain';
import { guardPermissions, guardWebContents, secureWebPreferences } from './security';
import { electronBindingPath, loadSqliteBinding } from './sqlite-binding';
import type { UpdatePlan } from './updates';
import { planUpdates, readAppUpdateYml, readUpdateFeed, startUpdates } from './updates';
import { keepWindowState, placeWindow, readWindowState } from './window-state';

protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const homeDir = defaultDataDir();
// Chromium's profile (cache, local storage, the single-instance lock) lives apart from the data folder, so
// backups and archives never carry it; on Windows and macOS Electron's default would be the data folder.
const profileDir = chromiumProfileDir();
app.setPath('userData', profileDir);
// Windows shows notifications only for an app whose id matches its installer's (electron-builder appId).
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
const windowStateFile = path.join(profileDir, 'window-state.json');
// A data folder chosen in Settings is remembered outside it, in the file the browser host reads too, so
// both open the same data; SWDESK_DATA, when set, always wins.
const locationFile = process.env.SWDESK_DATA ? undefined : defaultLocationFile();
if (locationFile) adoptLegacyLocation(path.join(app.getPath('appData'), 'swdesk-location.json'), locationFile);
// SQLite's native part built for Electron's ABI, not the Node build in node_modules; when it is missing or
// of another ABI, the data opens on a recovery screen that says so and what to run.
useSqliteBinding(
  loadSqliteBinding({
    file: electronBindingPath(app),
    required: Number(process.versions.modules),
    runtime: process.versions.electron ? 'electron' : 'node',
    packaged: app.isPackaged,
  }),
);

const ourWebContents = new Set<number>();
let desk: Desk | null = null;
let logs: LogFiles | null = null;
/** Archives opened before the window could offer them. */
const pendingArchives: string[] = archiveFilesIn(process.argv.slice(1));
let windowReady = false;

function mainWindow(): BrowserWindow | undefined {
  return BrowserWindow.getAllWindows()[0];
}

function focusWindow(): void {
  const window = mainWindow();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** An archive opened from the file manager is offered for import (the broker confirms it there). */
function openArchives(files: readonly string[]): void {
  const last = files.at(-1);
  if (last === undefined) return;
  if (!desk || !windowReady) {
    pendingArchives.push(last);
    return;
  }
  broadcast(
    BrowserWindow.getAllWindows().map((w) => w.webContents),
    'archive.open',
    { path: last },
  );
}

function sendMenuAction(action: MenuAction): void {
  focusWindow();
  broadcast(
    BrowserWindow.getAllWindows().map((w) => w.webContents),
    'menu',
    { action },
  );
}

function createWindow(): BrowserWindow {
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const placed = placeWindow(readWindowState(windowStateFile), displays);
  const window = new BrowserWindow({
    ...placed.bounds,
    minWidth: 900,
    minHeight: 600,
    title: PRODUCT_NAME,
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  if (placed.maximized) window.maximize();
  keepWindowState(window, windowStateFile);
  const id = window.webContents.id;
  ourWebContents.add(id);
  window.on('closed', () => ourWebContents.delete(id));
  window.once('ready-to-show', () => window.show());
  window.webContents.once('did-finish-load', () => {
    windowReady = true;
    openArchives(pendingArchives.splice(0));
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** Updates from the firm's feed, when one is configured and this build can check what it downloads. */
function updatePlan(logger: Logger): UpdatePlan {
  let url: string | null = null;
  try {
    url = readUpdateFeed(process.env, updateConfigFile());
  } catch (error) {
    logger.warn('update feed refused', { error: error instanceof Error ? error.message : String(error) });
  }
  return planUpdates({
    url,
    packaged: app.isPackaged,
    platform: process.platform,
    appUpdateYml: readAppUpdateYml(process.resourcesPath),
  });
}

/** The UI language, read when the menu is built: the system notifications speak it too. */
let uiLocale: Locale = defaultLocale;

async function installMenu(started: Desk): Promise<void> {
  const state = await started.dispatch('ui.getState', {});
  const locale = state.ok && (state.value as { locale: string }).locale === 'en' ? 'en' : 'zh-CN';
  uiLocale = locale;
  const template = buildMenuTemplate({
    platform: process.platform,
    locale,
    dev: !app.isPackaged,
    perform: sendMenuAction,
    openLogFolder: () => void shell.openPath(logs?.dir() ?? homeDir),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands its files to the first (second-instance below) and quits.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    focusWindow();
    openArchives(archiveFilesIn(argv.slice(1)));
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openArchives(archiveFilesIn([file]));
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  app
    .whenReady()
    .then(async () => {
      guardPermissions(session.defaultSession);
      serveRenderer(protocol, path.join(app.getAppPath(), 'dist', 'renderer'));
      logs = createLogFiles(homeDir);
      // Never throws for bad data: damaged, newer, unwritable or keyless data opens a recovery screen.
      const started = openDesk({
        homeDir,
        ...(locationFile ? { locationFile } : {}),
        host: 'electron',
        // The OS keychain when there is a real one; otherwise (Linux without a keyring) the passphrase,
        // which the renderer asks for once — as it does for data the browser host sealed with one.
        protector: createKeyProtector({ keychain: await safeStorageKeychain(safeStorage) }),
        logs,
        pickFile: createFilePicker(dialog, mainWindow),
        printToPdf: createPdfPrinter(mainWindow),
      });
      desk = started;
      registerContract(ipcMain, started.dispatch, createSenderGuard(ourWebContents));
      started.subscribe((event, payload) => {
        broadcast(
          BrowserWindow.getAllWindows().map((w) => w.webContents),
          event,
          payload,
        );
        notifyReceipt(event, payload, PRODUCT_NAME, uiLocale, {
          supported: () => Notification.isSupported(),
          create: (options) => new Notification(options),
          open: (declarationId) => {
            focusWindow();
            if (declarationId)
              broadcast(
                BrowserWindow.getAllWindows().map((w) => w.webContents),
                'declaration.open',
                { declarationId },
              );
          },
        });
        // The native menu speaks the language the broker chose, from the next moment on.
        if (event === 'ui.locale') void installMenu(started);
      });
      await installMenu(started);
      createWindow();
      started.start();
      startUpdates(updatePlan(logs.logger), () => autoUpdater, logs.logger);
    })
    .catch((error: unknown) => {
      // Only a fault in the shell itself lands here (the data's problems have their own screens).
      logs?.logger.error('the shell failed to start', {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      dialog.showErrorBox(`${PRODUCT_NAME} failed to start`, error instanceof Error ? error.message : String(error));
      app.quit();
    });

  app.on('activate', () => {
    if (desk && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!desk) return;
    const closing = desk;
    desk = null;
    event.preventDefault();
    void closing.close().finally(() => {
      logs?.close();
      app.quit();
    });
  });
}
