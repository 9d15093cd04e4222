// A recording stand-in for the `electron` module (a test double: Electron's binary cannot run on the
// build machines). main/electron/built-shell.test.ts copies it into a temporary app as
// node_modules/electron, starts the BUILT main bundle under Node beside it, and drives it over the
// process's IPC channel: every call the shell makes is recorded in order, and the test can fire
// `ready`, serve a URL through the registered protocol handler, invoke the IPC contract as a given
// sender, read the installed menu, try a navigation or a permission, and quit.
'use strict';
const { EventEmitter } = require('node:events');
const os = require('node:os');
const path = require('node:path');

const calls = [];
let step = 0;
/** Plain data for the log: functions and objects with methods become their name. */
function plain(value, depth = 0) {
  if (typeof value === 'function') return '[function]';
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, depth + 1)]));
}
function record(api, args = []) {
  calls.push({ step: step++, api, args: plain(args) });
}

let readyResolve;
const readyPromise = new Promise((resolve) => (readyResolve = resolve));
let isReady = false;
const paths = { appData: path.join(os.homedir(), '.config'), temp: os.tmpdir(), home: os.homedir() };

class App extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = false;
    this.name = 'SW Desk';
  }
  whenReady() {
    record('app.whenReady');
    return readyPromise;
  }
  isReady() {
    return isReady;
  }
  setPath(name, value) {
    record('app.setPath', [name, value]);
    paths[name] = value;
  }
  getPath(name) {
    return paths[name] ?? path.join(paths.appData, 'SW Desk', name);
  }
  getAppPath() {
    // The bundle sits at <app>/dist/electron/main.cjs.
    return path.resolve(path.dirname(require.main.filename), '..', '..');
  }
  getVersion() {
    return '0.0.0-stand-in';
  }
  getName() {
    return this.name;
  }
  getLocale() {
    return 'zh-CN';
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', [id]);
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  quit() {
    record('app.quit');
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) setImmediate(() => process.exit(0));
  }
  exit(code) {
    record('app.exit', [code]);
    process.exit(code);
  }
}
const app = new App();

let nextId = 1;
const windows = [];
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.url = '';
    this.sent = [];
    this.openHandler = null;
  }
  setWindowOpenHandler(handler) {
    record('webContents.setWindowOpenHandler');
    this.openHandler = handler;
  }
  send(channel, ...args) {
    this.sent.push({ channel, args: plain(args) });
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.url;
  }
}
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    record('new BrowserWindow', [options]);
    this.options = options;
    this.webContents = new WebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return windows;
  }
  loadURL(url) {
    record('window.loadURL', [url]);
    this.webContents.url = url;
    setImmediate(() => {
      this.emit('ready-to-show');
      this.webContents.emit('did-finish-load');
    });
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  getBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
  getNormalBounds() {
    return this.getBounds();
  }
}

const protocolHandlers = new Map();
const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', [schemes]);
  },
  handle(scheme, handler) {
    record('protocol.handle', [scheme]);
    protocolHandlers.set(scheme, handler);
  },
};
const ipcHandlers = new Map();
const ipcMain = {
  handle(channel, handler) {
    record('ipcMain.handle', [channel]);
    ipcHandlers.set(channel, handler);
  },
};
const permission = { request: null, check: null };
const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      record('session.setPermissionRequestHandler');
      permission.request = handler;
    },
    setPermissionCheckHandler(handler) {
      record('session.setPermissionCheckHandler');
      permission.check = handler;
    },
  },
};
let installedMenu = null;
const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record('Menu.setApplicationMenu');
    installedMenu = menu;
  },
};
class Notification extends EventEmitter {
  static isSupported() {
    return false;
  }
  show() {}
}
const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const screen = { getPrimaryDisplay: () => display, getAllDisplays: () => [display] };
const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', [title, content]);
  },
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
};
const shell = { openPath: async () => '', openExternal: async () => undefined };
// No keychain here: the shell must fall back to the passphrase.
const safeStorage = {
  isEncryptionAvailable: () => false,
  isAsyncEncryptionAvailable: async () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString() {
    throw new Error('no keychain in the stand-in');
  },
  decryptString() {
    throw new Error('no keychain in the stand-in');
  },
  encryptStringAsync: async () => {
    throw new Error('no keychain in the stand-in');
  },
  decryptStringAsync: async () => {
    throw new Error('no keychain in the stand-in');
  },
};

/** Menu templates as data: labels, accelerators, roles and submenus (click handlers dropped). */
function menuData(items) {
  return (items ?? []).map((item) => ({
    ...(item.label ? { label: item.label } : {}),
    ...(item.role ? { role: item.role } : {}),
    ...(item.accelerator ? { accelerator: item.accelerator } : {}),
    ...(item.type ? { type: item.type } : {}),
    ...(item.submenu ? { submenu: menuData(item.submenu) } : {}),
  }));
}

async function perform(command) {
  switch (command.op) {
    case 'ready':
      record('(ready)');
      isReady = true;
      app.emit('ready');
      readyResolve();
      return null;
    case 'log':
      return calls;
    case 'windows':
      return windows.map((w) => ({ id: w.webContents.id, url: w.webContents.url, sent: w.webContents.sent }));
    case 'protocol': {
      const handler = protocolHandlers.get(command.scheme);
      if (!handler) throw new Error(`no handler for ${command.scheme}`);
      const response = await handler(new Request(command.url));
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: (await response.text()).slice(0, 200),
      };
    }
    case 'invoke': {
      const handler = ipcHandlers.get(command.channel);
      if (!handler) throw new Error(`no IPC handler on ${command.channel}`);
      return handler({ sender: { id: command.senderId }, senderFrame: command.frame }, command.method, command.input);
    }
    case 'menu':
      return installedMenu ? menuData(installedMenu.template) : null;
    case 'navigate': {
      const contents = windows[0].webContents;
      let prevented = false;
      contents.emit(command.event, { preventDefault: () => (prevented = true) }, command.url);
      return { prevented };
    }
    case 'open-window':
      return windows[0].webContents.openHandler ? windows[0].webContents.openHandler({ url: command.url }) : null;
    case 'permission': {
      if (command.kind === 'check')
        return permission.check(null, command.permission, command.origin, { isMainFrame: command.isMainFrame });
      return new Promise((resolve) =>
        permission.request(windows[0].webContents, command.permission, resolve, {
          requestingUrl: command.url,
          isMainFrame: command.isMainFrame,
        }),
      );
    }
    case 'quit':
      app.quit();
      return null;
    default:
      throw new Error(`unknown op ${command.op}`);
  }
}

process.on('message', (command) => {
  perform(command).then(
    (value) => process.send({ id: command.id, ok: true, value: plain(value) }),
    (error) => process.send({ id: command.id, ok: false, error: String(error && error.stack ? error.stack : error) }),
  );
});

const contextBridge = { exposeInMainWorld() {} };
const ipcRenderer = { on() {}, invoke: async () => undefined };

module.exports = {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
};
