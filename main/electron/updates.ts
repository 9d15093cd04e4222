import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger';

// Updates come from a feed the firm's IT hosts (electron-updater's `generic` provider: latest.yml and the
// installers `npm run dist` writes), never from us: off until a feed is configured. Only signed updates are
// taken: on Windows electron-updater checks the installer's publisher against the build's own, but only when
// the build was signed (app-update.yml then names the publisher), so an unsigned build takes none; on macOS
// Squirrel takes only an update signed like the running app; the AppImage updater checks no signature, so
// Linux takes none (deb users update through their package manager).

/** The part of electron-updater's AppUpdater used here. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
}

export type UpdatePlan = { on: true; url: string } | { on: false; why: string };

/**
 * The feed URL: SWDESK_UPDATE_URL (IT can set it machine-wide), else `{"url": "…"}` in `configFile`.
 * Throws naming the setting when it is there but not an https URL (a plain-http feed could be replaced
 * on the way; the signature checks are the second line, not the only one).
 */
export function readUpdateFeed(env: NodeJS.ProcessEnv, configFile: string): string | null {
  let url: unknown = env.SWDESK_UPDATE_URL || null;
  let source = 'SWDESK_UPDATE_URL';
  if (url === null && fs.existsSync(configFile)) {
    source = `${configFile} (url)`;
    try {
      url = (JSON.parse(fs.readFileSync(configFile, 'utf8')) as { url?: unknown }).url ?? null;
    } catch (error) {
      throw new Error(`${configFile} is not JSON: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
  if (url === null) return null;
  const parsed = typeof url === 'string' && URL.canParse(url) ? new URL(url) : null;
  if (!parsed || parsed.protocol !== 'https:') throw new Error(`${source} must be an https URL, not ${String(url)}`);
  return parsed.href;
}

/** Whether this build takes updates from `url`, and why not when it does not. */
export function planUpdates(input: {
  url: string | null;
  packaged: boolean;
  platform: NodeJS.Platform;
  /** The text of resources/app-update.yml, which a signed Windows build carries its publisher in. */
  appUpdateYml: string | null;
}): UpdatePlan {
  if (input.url === null) return { on: false, why: 'no update feed is configured' };
  if (!input.packaged) return { on: false, why: 'not an installed build' };
  if (input.platform === 'win32' && !/^publisherName:/m.test(input.appUpdateYml ?? ''))
    return { on: false, why: 'this Windows build is not signed, so it cannot check that an update is' };
  if (input.platform !== 'win32' && input.platform !== 'darwin')
    return { on: false, why: 'the Linux updater checks no signature' };
  return { on: true, url: input.url };
}

/** Reads resources/app-update.yml beside the app, when there is one. */
export function readAppUpdateYml(resourcesPath: string): string | null {
  try {
    return fs.readFileSync(path.join(resourcesPath, 'app-update.yml'), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Starts the checks the plan allows: one now and one every six hours; an update downloads in the
 * background and installs when the app quits (a declaration being keyed is never interrupted).
 */
export function startUpdates(plan: UpdatePlan, updater: () => Updater, logger: Logger): (() => void) | null {
  if (!plan.on) {
    logger.info('updates off', { why: plan.why });
    return null;
  }
  const instance = updater();
  instance.autoDownload = true;
  instance.autoInstallOnAppQuit = true;
  instance.setFeedURL({ provider: 'generic', url: plan.url });
  instance.on('error', (error) => logger.warn('update check failed', { feed: plan.url, error: error.message }));
  instance.on('update-downloaded', (info) =>
    logger.info('update downloaded; installs on quit', { version: info.version }),
  );
  const check = () => void instance.checkForUpdates().catch(() => undefined);
  check();
  const timer = setInterval(check, 6 * 60 * 60 * 1000);
  timer.unref();
  logger.info('updates on', { feed: plan.url });
  return () => clearInterval(timer);
}
