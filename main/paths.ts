import os from 'node:os';
import path from 'node:path';

// An environment variable set but empty counts as unset (the XDG base directory specification says so;
// a relative path here would put the data wherever the app happened to be started).

/** Where SW Desk keeps its data by default; both shells use the same folder so either can open it. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.SWDESK_DATA) return path.resolve(env.SWDESK_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'SW Desk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'SW Desk');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'swdesk');
}

/**
 * Where a data folder chosen in Settings is remembered (outside the data folder, so it is found
 * before the data is): the user's configuration folder.
 */
export function defaultLocationFile(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'SW Desk', 'location.json');
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'cn.swdesk.desktop.location.json');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'swdesk', 'location.json');
}

/**
 * Where the firm's update feed may be configured for this user (docs/desktop-release.md), beside the
 * remembered data folder; SWDESK_UPDATE_URL, when set, wins.
 */
export function updateConfigFile(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'SW Desk', 'update.json');
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'cn.swdesk.desktop.update.json');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'swdesk', 'update.json');
}

/**
 * The desktop app's Chromium profile (cache, local storage, window state): per machine, and never inside
 * the data folder, so backups, archives and a data folder moved to another disk never carry it. On
 * Windows and macOS Electron's default (appData/SW Desk) would be the data folder itself.
 */
export function chromiumProfileDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'SW Desk', 'profile');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'cn.swdesk.desktop');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'swdesk', 'profile');
}
