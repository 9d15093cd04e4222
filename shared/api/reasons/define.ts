import type { ErrorCode } from '../error-codes';

/** A parameter of a reason: text or a number, shown by the translation as it sees fit. */
export type ReasonParam = string | number;
export type ReasonParams = Readonly<Record<string, ReasonParam>>;

/**
 * One reason a call can fail: the contract code the renderer reacts to, and the English text
 * (the message logs, the CLI and other callers read). Its parameters' type lives in `en`'s
 * argument, so every place that raises or translates the reason is checked against it.
 */
export interface ReasonDef<P extends ReasonParams> {
  readonly code: ErrorCode;
  readonly en: (params: P) => string;
}

/** `reason<{ url: string }>('HUB_UNREACHABLE', (p) => `Cannot reach ${p.url}`)`. */
export function reason<P extends ReasonParams = Record<never, never>>(
  code: ErrorCode,
  en: (params: P) => string,
): ReasonDef<P> {
  return { code, en };
}

/** The parameters a reason definition takes. */
export type ParamsOfDef<D> = D extends ReasonDef<infer P> ? P : never;

/** A translation table for some reasons of a registry: each reason's text from its parameters. */
export type ReasonTexts<Registry> = { readonly [K in keyof Registry]: (params: ParamsOfDef<Registry[K]>) => string };
