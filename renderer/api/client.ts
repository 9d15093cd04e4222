import type {
  ApiError,
  ApiResult,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
  ReasonMessage,
  SwdeskBridge,
} from '../../shared/api';
import type { Locale } from '../../shared/i18n/locale';
import type { NoticeText } from '../state/ui-store';
import { useUi } from '../state/ui-store';
import { messages } from '../i18n/messages';
import { localizeError, messageText, reasonDetail } from '../i18n/reasons';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    swdesk?: SwdeskBridge;
  }
}

/**
 * A failed call, carrying the contract's error code, reason and field issues; its message and the
 * issues' messages are in the UI language of the moment it failed (main sends a reason and its
 * parameters, translated here).
 */
export class ApiCallError extends Error {
  /** What main answered, to word again in another language (a notice still shown when the language changes). */
  readonly error: ApiError;
  readonly code: string;
  readonly reason: string | undefined;
  readonly params: ApiError['params'];
  readonly issues: ApiError['issues'];
  constructor(error: ApiError, locale: Locale = useUi.getState().locale) {
    const localized = localizeError(error, locale);
    super(localized.message);
    this.name = 'ApiCallError';
    this.error = error;
    this.code = error.code;
    this.reason = error.reason;
    this.params = error.params;
    this.issues = localized.issues;
  }
}

function hostUnreachable(e: unknown): boolean {
  return e instanceof TypeError && /fetch|network|load failed/i.test(e.message);
}

/**
 * A caught failure in a language: main's reason in that language; the host not answering (the page's fetch
 * failed) said so; anything else (a program error) said in that language, its own text left to failureDetail.
 */
export function failureText(e: unknown, locale: Locale): string {
  if (e instanceof ApiCallError) return localizeError(e.error, locale).message;
  if (hostUnreachable(e)) return messages[locale].hostUnreachable;
  return messages[locale].unexpectedError;
}

/**
 * What a program error said, as the program wrote it, for support (shown under 详情, never inline): main's internal
 * error's method and detail, or the renderer's own error; null for a failure the broker's language says in full.
 */
export function failureDetail(e: unknown): string | null {
  // A reason's detail (main's internal error, bad input's joined issue texts, a library's or the OS's words).
  if (e instanceof ApiCallError) return reasonDetail(e.reason, e.params);
  if (hostUnreachable(e)) return null;
  return e instanceof Error ? e.message : String(e);
}

/** A wording of `e` with the program's own text beside it when it is a program error. */
function withDetail(text: (locale: Locale) => string, e: unknown): NoticeText {
  const detail = failureDetail(e);
  return detail === null ? text : Object.assign(text, { detail });
}

/**
 * A caught failure with the fields main named (each issue's message after it; `paths`: each led by its field's
 * path), worded when shown: a dialog keeps this, not a string, so a failure still shown when the language
 * changes is worded again. An issue that says just what the sentence says (main names the field of its refusal
 * with the same reason) is not said twice. `prefix`: what it is about, a file's name.
 */
export function failureLine(e: unknown, options: { paths?: boolean; prefix?: string } = {}): NoticeText {
  const line = (locale: Locale): string => {
    if (!(e instanceof ApiCallError)) return failureText(e, locale);
    const localized = localizeError(e.error, locale);
    const issues = (localized.issues ?? [])
      .filter((i) => options.paths || i.message !== localized.message)
      .map((i) => (options.paths ? `${i.path}: ${i.message}` : i.message));
    return [localized.message, ...issues].join(' — ');
  };
  return withDetail((locale) => (options.prefix ? `${options.prefix}: ${line(locale)}` : line(locale)), e);
}

/** A failure main said and kept (a reading job's), worded when shown, its program's words beside it for 详情. */
export function saidFailure(said: ReasonMessage | null | undefined): NoticeText {
  const text = (locale: Locale) => messageText(locale, said);
  const detail = said ? reasonDetail(said.reason, said.params) : null;
  return detail === null ? text : Object.assign(text, { detail });
}

/** A notice of a caught failure, worded when shown (`prefix`: what it is about, a file's name). */
export function errorNotice(e: unknown, prefix?: string): NoticeText {
  return withDetail((locale) => (prefix ? `${prefix}: ${failureText(e, locale)}` : failureText(e, locale)), e);
}

const TOKEN_KEY = 'swdesk.token';

/** Whether the page runs in the browser host (no Electron preload bridge): some choices differ there. */
export function inBrowserHost(): boolean {
  return !window.swdesk;
}

/** Electron's preload bridge when present; otherwise the browser host's HTTP bridge with the token from the URL. */
function resolveBridge(): SwdeskBridge {
  if (window.swdesk) return window.swdesk;
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    // Keep the token out of the address bar (and out of screenshots and history).
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return createHttpBridge(fromHash ?? sessionStorage.getItem(TOKEN_KEY) ?? '');
}

let bridge: SwdeskBridge | null = null;

function getBridge(): SwdeskBridge {
  bridge ??= resolveBridge();
  return bridge;
}

/** For tests: use a fake bridge implementing the contract. */
export function setBridge(fake: SwdeskBridge): void {
  bridge = fake;
}

/** The renderer's only way into main. */
export const api = {
  async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = (await getBridge().invoke(method, input)) as ApiResult<MethodOutput<M>>;
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return getBridge().on(event, (payload) => listener(payload as EventPayload<E>));
  },
  onReconnect(listener: () => void): () => void {
    return getBridge().on('reconnected', () => listener());
  },
};
