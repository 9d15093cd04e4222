import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiResult } from '../../shared/api';
import { isEventName } from '../../shared/api';
import type { Dispatch } from '../core/api/dispatch';

export const INVOKE_CHANNEL = 'swdesk:invoke';
export const EVENT_CHANNEL = 'swdesk:event';
export const APP_ORIGIN = 'app://swdesk';

/** The parts of an IPC event the guard reads (so tests can pass plain objects). */
export interface SenderLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * A call is trusted only from the top frame of one of our own windows showing
 * our own origin: not from another window, an iframe, or a page that was
 * navigated elsewhere.
 */
export function createSenderGuard(ourWebContents: { has(id: number): boolean }, origin = APP_ORIGIN) {
  return (event: SenderLike): boolean => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!ourWebContents.has(event.sender.id)) return false;
    try {
      return new URL(frame.url).origin === origin || frame.url.startsWith(`${origin}/`);
    } catch {
      return false;
    }
  };
}

/** Registers the one contract on IPC: a refused sender gets FORBIDDEN and nothing runs. */
export function registerContract(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrusted: (event: SenderLike) => boolean,
): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent | SenderLike, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrusted(event as SenderLike)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call SW Desk' } };
      }
      return dispatch(method, input);
    },
  );
}

/** Pushes a contract event to our windows. */
export function broadcast(
  targets: Iterable<Pick<WebContents, 'send' | 'isDestroyed'>>,
  event: string,
  payload: unknown,
): void {
  if (!isEventName(event)) return;
  for (const contents of targets) if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
}
