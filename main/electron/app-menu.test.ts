import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuActions } from '../../shared/api';
import { buildMenuTemplate } from './app-menu';

// Electron cannot run on the build machines: the menu is checked as the template Menu.buildFromTemplate receives.

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform = 'win32', locale: 'zh-CN' | 'en' = 'zh-CN', dev = false) {
  const perform = vi.fn();
  const openLogFolder = vi.fn();
  const template = buildMenuTemplate({ platform, locale, dev, perform, openLogFolder });
  return { template, all: items(template), perform, openLogFolder };
}

describe('application menu (the template: Electron cannot run here)', () => {
  it('offers every menu action once, and a click sends it to the window', () => {
    const { all, perform } = build();
    for (const action of menuActions) {
      const found = all.filter((i) => i.id === action);
      expect(found, action).toHaveLength(1);
      (found[0]?.click as () => void)();
      expect(perform).toHaveBeenLastCalledWith(action);
    }
  });

  it('shows the keys the page handles without registering them (so a key acts once), and registers its own', () => {
    const { all } = build();
    const byId = (id: string) => all.find((i) => i.id === id);
    expect(byId('new-import')).toMatchObject({ accelerator: 'Alt+N', registerAccelerator: false });
    expect(byId('to-list')).toMatchObject({ accelerator: 'Alt+L', registerAccelerator: false });
    expect(byId('help')).toMatchObject({ accelerator: 'F1', registerAccelerator: false });
    expect(byId('backup-now')).toMatchObject({ accelerator: 'CmdOrCtrl+B' });
    expect(byId('backup-now')?.registerAccelerator).toBeUndefined();
    expect(byId('settings')).toMatchObject({ accelerator: 'CmdOrCtrl+,' });
    const keys = all.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has the edit roles copy and paste need, in Chinese or English', () => {
    const zh = build('linux', 'zh-CN');
    expect(zh.template.map((m) => m.label ?? m.role)).toEqual(['文件', '编辑', '视图', '同步', '帮助']);
    expect(zh.all.map((i) => i.role).filter(Boolean)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']),
    );
    expect(build('linux', 'en').template.map((m) => m.label ?? m.role)).toEqual([
      'File',
      'Edit',
      'View',
      'Sync',
      'Help',
    ]);
  });

  it('follows macOS conventions (the app menu holds settings and quit) and shows developer tools only in development', () => {
    const mac = build('darwin');
    expect(mac.template[0]?.role).toBe('appMenu');
    const fileMenu = mac.template[1]?.submenu as MenuItemConstructorOptions[];
    expect(fileMenu.some((i) => i.role === 'quit' || i.id === 'settings')).toBe(false);
    expect(build('linux').all.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build('linux', 'en', true).all.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('opens the log folder from the Help menu', () => {
    const { all, openLogFolder } = build();
    (all.find((i) => i.id === 'open-log-folder')?.click as () => void)();
    expect(openLogFolder).toHaveBeenCalledOnce();
  });
});
