import type { ErrorCode } from '../error-codes';

/** A parameter of a reason: text or a number, shown by the translation as it sees fit. */
export type ReasonParam = string | number;
export type ReasonParams = Readonly<Record<string, ReasonParam>>;

/**
 * Words a reason carried inside another (a template in a file refused for its own reason): its key and its
 * parameters as `nestedParams` wrote them, in the language the outer reason is being worded in; '' for a key this
 * version does not know.
 */
export type WordNested = (reason: ReasonParam, params: ReasonParam) => string;

/** A reason's parameters packed into one parameter of another reason that carries it (see WordNested). */
export function nestedParams(params: ReasonParams): string {
  return JSON.stringify(params);
}

/** A count of problems in English, one in the singular: what a refusal says before the problems themselves. */
export function problems(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'}`;
}

/** `nestedParams` read back; nothing (an empty set) when the text is not what it wrote. */
export function unpackParams(packed: ReasonParam): ReasonParams {
  try {
    const value: unknown = JSON.parse(String(packed));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string | number] => ['string', 'number'].includes(typeof e[1])),
    );
  } catch {
    return {};
  }
}

/**
 * One reason a call can fail: the contract code the renderer reacts to, and the English text
 * (the message logs, the CLI and other callers read). Its parameters' type lives in `en`'s
 * argument, so every place that raises or translates the reason is checked against it.
 */
export interface ReasonDef<P extends ReasonParams> {
  readonly code: ErrorCode;
  readonly en: (params: P, nested: WordNested) => string;
}

/** `reason<{ url: string }>('HUB_UNREACHABLE', (p) => `Cannot reach ${p.url}`)`. */
export function reason<P extends ReasonParams = Record<never, never>>(
  code: ErrorCode,
  en: (params: P, nested: WordNested) => string,
): ReasonDef<P> {
  return { code, en };
}

/** The parameters a reason definition takes. */
export type ParamsOfDef<D> = D extends ReasonDef<infer P> ? P : never;

/** A translation table for some reasons of a registry: each reason's text from its parameters. */
export type ReasonTexts<Registry> = {
  readonly [K in keyof Registry]: (params: ParamsOfDef<Registry[K]>, nested: WordNested) => string;
};
