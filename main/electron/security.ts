import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { APP_ORIGIN } from './ipc';

/** Window settings: the renderer is a sandboxed web page with no Node and an isolated preload. */
export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Only our own origin may be shown in a window. */
export function isOwnUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/** Navigation away from our origin and new windows are refused; the OS browser is not opened either. */
export function guardWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The one permission our page has: writing to the clipboard ("copy diagnostics", copying a public key). */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

/**
 * Every permission request (camera, notifications from the page, geolocation, reading the clipboard …) is
 * denied, except writing to the clipboard from our own origin: a page shown anywhere else gets nothing.
 */
export function guardPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permission === CLIPBOARD_WRITE && details.isMainFrame && isOwnUrl(details.requestingUrl)),
  );
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      permission === CLIPBOARD_WRITE && details.isMainFrame && requestingOrigin === APP_ORIGIN,
  );
}
