import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../shared/api';

// The application menu: the main actions with their keys, in Chinese or English. An item whose
// key the page already handles (the renderer's keymap: Alt+N, Alt+L, F1 …) shows the key but does
// not register it, so the key reaches the page exactly once; the menu click sends the same action.

type Locale = 'zh-CN' | 'en';

interface MenuOptions {
  platform: NodeJS.Platform;
  locale: Locale;
  /** Development build: reload and developer tools in the View menu. */
  dev: boolean;
  /** Sends a menu action to the window (the renderer performs it). */
  perform(action: MenuAction): void;
  openLogFolder(): void;
}

const labels = {
  file: ['文件', 'File'],
  newImport: ['新建进口报关单', 'New import declaration'],
  newExport: ['新建出口报关单', 'New export declaration'],
  newFromTemplate: ['用模板新建…', 'New from a template…'],
  libraries: ['企业库与商品库…', 'Parties and products…'],
  importArchive: ['导入归档…', 'Import archive…'],
  exportArchive: ['导出全部数据…', 'Export everything…'],
  backupNow: ['立即备份', 'Back up now'],
  restore: ['从备份恢复…', 'Restore from backup…'],
  settings: ['设置…', 'Settings…'],
  quit: ['退出', 'Quit'],
  edit: ['编辑', 'Edit'],
  view: ['视图', 'View'],
  list: ['报关单列表', 'Declaration list'],
  language: ['切换中文 / English', 'Switch 中文 / English'],
  sync: ['同步', 'Sync'],
  syncNow: ['立即同步', 'Sync now'],
  help: ['帮助', 'Help'],
  keys: ['键盘快捷键', 'Keyboard shortcuts'],
  diagnostics: ['复制诊断信息', 'Copy diagnostics'],
  logs: ['打开日志文件夹', 'Open the log folder'],
} as const;

/**
 * Keys the page handles itself (renderer/features/editor/keymap.ts); scripts/menu-keys.test.ts
 * checks they stay the same there.
 */
export const pageKeys: Readonly<Partial<Record<MenuAction, string>>> = {
  'new-import': 'Alt+N',
  'new-export': 'Alt+Shift+N',
  'new-from-template': 'Alt+T',
  libraries: 'Alt+K',
  'to-list': 'Alt+L',
  'switch-language': 'Alt+Shift+L',
  help: 'F1',
};

/** Keys only the menu has; registered with the system. */
export const menuKeys: Readonly<Partial<Record<MenuAction, string>>> = {
  'import-archive': 'CmdOrCtrl+O',
  'export-archive': 'CmdOrCtrl+Shift+E',
  'backup-now': 'CmdOrCtrl+B',
  settings: 'CmdOrCtrl+,',
  'sync-now': 'F5',
};

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const zh = options.locale === 'zh-CN' ? 0 : 1;
  const label = (key: keyof typeof labels) => labels[key][zh];
  const action = (key: keyof typeof labels, act: MenuAction): MenuItemConstructorOptions => {
    const item: MenuItemConstructorOptions = { id: act, label: label(key), click: () => options.perform(act) };
    const page = pageKeys[act];
    const own = menuKeys[act];
    if (page) return { ...item, accelerator: page, registerAccelerator: false };
    if (own) return { ...item, accelerator: own };
    return item;
  };
  const mac = options.platform === 'darwin';

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        action('settings', 'settings'),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: label('file'),
      submenu: [
        action('newImport', 'new-import'),
        action('newExport', 'new-export'),
        action('newFromTemplate', 'new-from-template'),
        { type: 'separator' },
        action('libraries', 'libraries'),
        { type: 'separator' },
        action('importArchive', 'import-archive'),
        action('exportArchive', 'export-archive'),
        { type: 'separator' },
        action('backupNow', 'backup-now'),
        action('restore', 'restore-backup'),
        ...(mac
          ? []
          : ([
              { type: 'separator' },
              action('settings', 'settings'),
              { type: 'separator' },
              { role: 'quit', label: label('quit') },
            ] satisfies MenuItemConstructorOptions[])),
      ],
    },
    {
      // The standard roles, so copy and paste work in every field (and on macOS at all).
      label: label('edit'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: label('view'),
      submenu: [
        action('list', 'to-list'),
        action('language', 'switch-language'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.dev
          ? ([
              { type: 'separator' },
              { role: 'reload' },
              { role: 'toggleDevTools' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
    { label: label('sync'), submenu: [action('syncNow', 'sync-now')] },
    {
      role: 'help',
      label: label('help'),
      submenu: [
        action('keys', 'help'),
        action('diagnostics', 'copy-diagnostics'),
        { id: 'open-log-folder', label: label('logs'), click: () => options.openLogFolder() },
      ],
    },
  );
  return template;
}
