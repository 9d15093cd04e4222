import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptLegacyLocation, resolveDataDir } from './desk/data-location';
import { chromiumProfileDir, defaultDataDir, defaultLocationFile, updateConfigFile } from './paths';
import { tempDir } from '../test-support/main/temp-dir';

const inside = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

describe('where the desktop app keeps things', () => {
  const temps: Array<() => void> = [];
  afterEach(() => temps.splice(0).forEach((c) => c()));

  it.each(['win32', 'darwin', 'linux'] as const)(
    'keeps Chromium’s profile, the remembered folder and the update feed apart from the data folder (%s)',
    (platform) => {
      const env = { APPDATA: '/home/u/AppData/Roaming', LOCALAPPDATA: '/home/u/AppData/Local' };
      const data = defaultDataDir(env, platform);
      const profile = chromiumProfileDir(env, platform);
      for (const other of [profile, defaultLocationFile(env, platform), updateConfigFile(env, platform)]) {
        expect(inside(other, data)).toBe(false);
        expect(inside(data, other)).toBe(false);
      }
    },
  );

  it('treats an empty XDG variable as unset, never making a relative path', () => {
    const env = { XDG_DATA_HOME: '', XDG_CONFIG_HOME: '' };
    for (const dir of [
      defaultDataDir(env, 'linux'),
      defaultLocationFile(env, 'linux'),
      chromiumProfileDir(env, 'linux'),
      updateConfigFile(env, 'linux'),
    ])
      expect(path.isAbsolute(dir)).toBe(true);
  });

  it('moves a folder remembered in the old desktop-only file into the file both hosts read, once', () => {
    const temp = tempDir();
    temps.push(temp.cleanup);
    const legacy = path.join(temp.dir, 'appData', 'swdesk-location.json');
    const shared = path.join(temp.dir, 'config', 'swdesk', 'location.json');
    fs.mkdirSync(path.dirname(legacy), { recursive: true });
    fs.writeFileSync(legacy, JSON.stringify({ dataDir: '/srv/customs/swdesk' }));
    adoptLegacyLocation(legacy, shared);
    expect(resolveDataDir('/default', shared)).toBe('/srv/customs/swdesk');
    expect(fs.existsSync(legacy)).toBe(false);
  });

  it('keeps what the shared file already names over an old desktop-only choice', () => {
    const temp = tempDir();
    temps.push(temp.cleanup);
    const legacy = path.join(temp.dir, 'swdesk-location.json');
    const shared = path.join(temp.dir, 'location.json');
    fs.writeFileSync(legacy, JSON.stringify({ dataDir: '/old/choice' }));
    fs.writeFileSync(shared, JSON.stringify({ dataDir: '/chosen/in/the/browser/host' }));
    adoptLegacyLocation(legacy, shared);
    expect(resolveDataDir('/default', shared)).toBe('/chosen/in/the/browser/host');
    expect(fs.existsSync(legacy)).toBe(false);
  });
});
