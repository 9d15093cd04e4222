import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../logging/logger';
import { tempDirsPerTest } from '../../test-support/main/cleanups';
import type { Updater } from './updates';
import { planUpdates, readAppUpdateYml, readUpdateFeed, startUpdates } from './updates';

// electron-updater needs a running Electron, which cannot run here: startUpdates is driven with a
// recording updater (a test double); the feed and the plan are plain data.

const signedWin = 'provider: generic\nurl: https://updates.invalid/swdesk\npublisherName:\n  - Shanghai Jietong\n';
const unsignedWin = 'provider: generic\nurl: https://updates.invalid/swdesk\n';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (message: string, fields?: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(fields)}`);
  return { lines, debug: log, info: log, warn: log, error: log };
}

describe('updates from the firm’s feed', () => {
  const dir = tempDirsPerTest('swdesk-updates-');

  it('reads the feed from SWDESK_UPDATE_URL, else from the config file, and is off when neither is set', () => {
    const folder = dir();
    const file = path.join(folder, 'update.json');
    expect(readUpdateFeed({}, file)).toBeNull();
    fs.writeFileSync(file, JSON.stringify({ url: 'https://updates.firm.example/swdesk/' }));
    expect(readUpdateFeed({}, file)).toBe('https://updates.firm.example/swdesk/');
    expect(readUpdateFeed({ SWDESK_UPDATE_URL: 'https://it.example/desk' }, file)).toBe('https://it.example/desk');
  });

  it('refuses a feed that is not https, or a config file that is not JSON, naming the setting', () => {
    const folder = dir();
    const file = path.join(folder, 'update.json');
    expect(() => readUpdateFeed({ SWDESK_UPDATE_URL: 'http://it.example/desk' }, file)).toThrow(
      /SWDESK_UPDATE_URL must be an https URL, not http:\/\/it\.example\/desk/,
    );
    fs.writeFileSync(file, JSON.stringify({ url: 'ftp://x' }));
    expect(() => readUpdateFeed({}, file)).toThrow(/update\.json \(url\) must be an https URL/);
    fs.writeFileSync(file, '{ url: ');
    expect(() => readUpdateFeed({}, file)).toThrow(/update\.json is not JSON/);
  });

  it('takes updates only in a signed installed build on Windows, and on macOS; never on Linux or unsigned', () => {
    const url = 'https://it.example/desk';
    const base = { url, packaged: true, appUpdateYml: signedWin } as const;
    expect(planUpdates({ ...base, platform: 'win32' })).toEqual({ on: true, url });
    expect(planUpdates({ ...base, platform: 'darwin', appUpdateYml: null })).toEqual({ on: true, url });
    expect(planUpdates({ ...base, platform: 'win32', appUpdateYml: unsignedWin })).toMatchObject({ on: false });
    expect(planUpdates({ ...base, platform: 'win32', appUpdateYml: null })).toMatchObject({ on: false });
    expect(planUpdates({ ...base, platform: 'linux' })).toEqual({
      on: false,
      why: 'the Linux updater checks no signature',
    });
    expect(planUpdates({ ...base, platform: 'win32', packaged: false })).toMatchObject({ on: false });
    expect(planUpdates({ ...base, platform: 'win32', url: null })).toEqual({
      on: false,
      why: 'no update feed is configured',
    });
  });

  it('reads app-update.yml from the resources folder when it is there', () => {
    const folder = dir();
    expect(readAppUpdateYml(folder)).toBeNull();
    fs.writeFileSync(path.join(folder, 'app-update.yml'), signedWin);
    expect(readAppUpdateYml(folder)).toBe(signedWin);
  });

  it('points the updater at the feed, downloads in the background and installs on quit; off makes no updater', () => {
    const logger = recordingLogger();
    const calls: string[] = [];
    const listeners = new Map<string, (arg: never) => void>();
    const updater = {
      autoDownload: false,
      autoInstallOnAppQuit: false,
      setFeedURL: (options: { provider: string; url: string }) => calls.push(`feed ${options.provider} ${options.url}`),
      checkForUpdates: () => {
        calls.push('check');
        return Promise.resolve(null);
      },
      on: (event: string, listener: (arg: never) => void) => listeners.set(event, listener),
    } as unknown as Updater;
    let made = 0;
    expect(
      startUpdates({ on: false, why: 'no update feed is configured' }, () => (made++, updater), logger),
    ).toBeNull();
    expect(made).toBe(0);
    expect(logger.lines).toEqual(['updates off {"why":"no update feed is configured"}']);

    const stop = startUpdates({ on: true, url: 'https://it.example/desk' }, () => updater, logger);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(calls).toEqual(['feed generic https://it.example/desk', 'check']);
    listeners.get('update-downloaded')?.({ version: '1.2.0' } as never);
    listeners.get('error')?.(new Error('net::ERR_NAME_NOT_RESOLVED') as never);
    expect(logger.lines.slice(1)).toEqual([
      'updates on {"feed":"https://it.example/desk"}',
      'update downloaded; installs on quit {"version":"1.2.0"}',
      'update check failed {"feed":"https://it.example/desk","error":"net::ERR_NAME_NOT_RESOLVED"}',
    ]);
    stop?.();
  });
});
