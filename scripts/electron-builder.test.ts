import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ID, PRODUCT_NAME } from '../main/electron/app-identity';
import { REQUIRED_FUSES } from './packaging/package-checks.mjs';

// The settings the Windows and macOS installers take from electron-builder.yml, which cannot be built on
// these machines (NSIS and dmg need their own platforms); the Linux package is built offline and
// inspected in scripts/packaging/package-build.test.ts.
interface BuilderConfig {
  appId: string;
  productName: string;
  npmRebuild?: boolean;
  beforeBuild: string;
  afterPack: string;
  files: string[];
  extraMetadata: { main: string };
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  fileAssociations: Array<{ ext: string; name: string; role: string; mimeType: string }>;
  publish: { provider: string; url: string };
  linux: { target: string[]; icon: string };
  deb: { depends?: string[] };
  win: { target: string[]; icon: string };
  nsis: { oneClick: boolean; perMachine: boolean };
  mac: { target: string[]; icon: string; hardenedRuntime: boolean };
}

const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  name: string;
  main: string;
  homepage: string;
  author: { name: string; email: string };
  scripts: Record<string, string>;
};

describe('electron-builder configuration', () => {
  it('builds installers for Linux (AppImage, deb), Windows (NSIS, per user) and macOS (dmg, hardened)', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('has the app id and name the running app uses, and an icon that exists', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) expect(fs.existsSync(icon)).toBe(true);
  });

  it('ships the bundles, the Electron build of SQLite and the canvas binding unpacked, and no node_modules', () => {
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(config.files).toEqual([
      'dist/renderer/**',
      'dist/electron/**',
      'dist/native/better_sqlite3.node',
      'dist/native/skia.node',
      'package.json',
      '!**/*.map',
    ]);
    expect(config.asarUnpack).toEqual(['dist/native/*.node']);
    // beforeBuild answering false is what keeps node_modules out (electron-builder neither rebuilds nor copies them).
    expect(config.npmRebuild).toBeUndefined();
    expect(fs.existsSync(config.beforeBuild)).toBe(true);
    expect(fs.existsSync(config.afterPack)).toBe(true);
  });

  it('sets every fuse the package check requires, and none other', () => {
    const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
    expect(config.electronFuses).toEqual(
      Object.fromEntries(Object.entries(REQUIRED_FUSES).map(([name, on]) => [camel(name), on])),
    );
  });

  it('associates only .swdx archives (NSIS would otherwise claim the file type for every user)', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'swdx', mimeType: 'application/x-swdesk-archive', role: 'Editor' }),
    ]);
  });

  it('keeps electron-builder’s deb dependencies (a list here would replace them) and gives deb what it needs', () => {
    expect(config.deb.depends).toBeUndefined();
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author.email).toMatch(/@/);
  });

  it('writes update metadata for a generic feed (the firm’s own, set at run time)', () => {
    expect(config.publish.provider).toBe('generic');
  });

  it('is wired to npm run dist and npm run electron:binding', () => {
    expect(pkg.name).toBe('swdesk');
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
    expect(pkg.scripts['electron:binding']).toBe('node scripts/electron-binding.mjs');
  });
});
