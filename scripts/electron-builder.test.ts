import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ID, PRODUCT_NAME } from '../main/electron/app-identity';

// Electron cannot be downloaded on the build machines, so electron-builder
// cannot package here; these tests hold its configuration to what releases need.
interface BuilderConfig {
  appId: string;
  productName: string;
  npmRebuild: boolean;
  files: string[];
  extraMetadata: { main: string };
  asarUnpack: string[];
  fileAssociations: Array<{ ext: string; name: string; role: string }>;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
}

const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  name: string;
  main: string;
  scripts: Record<string, string>;
};

describe('electron-builder configuration (checked by configuration: Electron cannot be downloaded here)', () => {
  it('builds installers for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg)', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('has the app id and name, and an icon that exists', () => {
    expect(config.appId).toBe('cn.swdesk.desktop');
    expect(config.productName).toBe('SW Desk');
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) expect(fs.existsSync(icon)).toBe(true);
  });

  it('starts the built main process and ships the renderer, keeping native modules unpacked', () => {
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist/electron/**']));
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
  });

  it('opens DecMessage XML files', () => {
    expect(config.fileAssociations).toContainEqual(expect.objectContaining({ ext: 'xml', name: 'DecMessage XML' }));
  });

  it('gives the running app the installers’ identity (Windows ties notifications to the app id)', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.fileAssociations.find((a) => a.ext === 'xml')?.role).toBe('Editor');
    // The main process and its helpers are bundled into dist/electron, which the installers ship.
    expect(config.files).toContain('dist/electron/**');
  });

  it('is wired to npm run dist', () => {
    expect(pkg.name).toBe('swdesk');
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.yml');
  });
});
