import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { EnrollmentRequest, KeyRegistrationRequest, SignedSubmission } from '../../../shared/protocol';
import {
  attachmentStateSchema,
  enrollmentResponseSchema,
  keyRegistrationResponseSchema,
  codeTableListSchema,
  codeTableSchema,
  healthSchema,
  hubErrorSchema,
  receiptsResponseSchema,
  requestSigningText,
  requestSigningTextForDigest,
  signedHeaders,
  submissionStateSchema,
  submitResponseSchema,
} from '../../../shared/protocol';
import type { ReasonKey, ReasonMessage, ReasonParams } from '../../../shared/api';
import { modReceiptSchema } from '../../../shared/modify/mod-request';
import { causeKind, causeParams, hubProtocolCodes, isReasonKey, messageOf, reasonMessage } from '../../../shared/api';
import type { Clock } from '../context';

/** Why a hub call failed, classified the way the sync engine must react to it. */
export type HubFailureKind =
  | 'network' // nothing reached the hub (connection refused, no route, DNS): plainly retry
  | 'indeterminate' // sent, but no answer (timeout, connection dropped): the hub may have committed — ask before resending
  | 'retryable' // 5xx, 429, 408: try again later (Retry-After honoured)
  | 'rejected' // 4xx with reasons: never retried
  | 'auth' // 401/403: the client is unknown, revoked or its clock/key is wrong
  | 'protocol'; // an answer we cannot read

const notConnected = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** A failed hub call: how to react (`kind`), and what to tell the broker (a reason, translated by the renderer). */
/**
 * The reasons of a hub that did not answer (never reached, timed out, the connection broke): an item that
 * failed so is sent at once when the hub is back or the broker asks (同步), not after its retry timer, which
 * only an answering hub that refuses for now (5xx, 429) should hold it to.
 */
export const UNREACHABLE_REASONS = [
  'sync.hub-unreachable',
  'sync.hub-timeout',
  'sync.connection-broke',
  'sync.answer-lost',
] as const;

export class HubCallError extends Error {
  readonly kind: HubFailureKind;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  /** The hub's own refusal code (`error.code` of its answer), when it answered with one. */
  readonly code: string | null;
  readonly said: ReasonMessage & { reason: ReasonKey; params: ReasonParams };
  constructor(
    kind: HubFailureKind,
    said: ReasonMessage,
    extra: { status?: number; retryAfterMs?: number | null; code?: string | null } = {},
  ) {
    super(said.message);
    this.name = 'HubCallError';
    this.kind = kind;
    this.status = extra.status ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
    this.code = extra.code ?? null;
    this.said = { message: said.message, reason: said.reason as ReasonKey, params: said.params ?? {} };
  }
}

/** What the hub's refusal means to the broker: its code's own reason, or its status and words. */
function refusal(status: number, code: string | null, message: string): ReasonMessage {
  const known = `hub.${code ?? ''}`;
  if (code !== null && isReasonKey(known) && known !== 'hub.protocol') return reasonMessage(known as 'hub.internal');
  // The hub's own words are English, for support: the broker reads the refusal worded by its code or status.
  const detail = code === null ? message : `${code}: ${message}`;
  if (code !== null && hubProtocolCodes.has(code)) return reasonMessage('hub.protocol', { code, detail });
  if (status >= 500 || status === 429 || status === 408) return reasonMessage('sync.hub-busy', { status });
  return reasonMessage('sync.hub-refused', { status, detail });
}

/**
 * A failure of sending that is not a hub call's: its own reason, or (a file that could not be read, a program error)
 * sync.failed with the kind of its cause.
 */
export function notHubFailure(error: unknown): ReasonMessage {
  const said = messageOf(error);
  return said.reason ? said : reasonMessage('sync.failed', causeParams(error));
}

/** A failure as the outbox keeps it: the hub call's own, or any other as notHubFailure says it. */
export function asHubFailure(error: unknown): HubCallError {
  return error instanceof HubCallError ? error : new HubCallError('protocol', notHubFailure(error));
}

export interface RequestSigner {
  clientId: string;
  keyId: string;
  sign(text: string): string;
}

export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string | Uint8Array<ArrayBuffer>;
    signal: AbortSignal;
  },
) => Promise<Response>;

function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Our side of hub protocol v1: every call after enrollment is signed over
 * method, path (with query), timestamp, nonce and the body's SHA-256.
 */
interface CallOptions {
  body?: unknown;
  rawBody?: string;
  bytes?: Uint8Array;
  signer?: RequestSigner;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function createHubClient(options: { baseUrl: string; clock: Clock; fetch?: FetchLike; timeoutMs?: number }) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  // The hub refuses requests signed more than ±5 minutes from its clock. When it
  // says so, we learn the difference from its health answer and sign with it.
  let clockOffsetMs = 0;

  async function learnClockOffset(): Promise<void> {
    const before = options.clock.now();
    const health = await call('GET', '/v1/health', healthSchema, { timeoutMs: 5_000 });
    const after = options.clock.now();
    const hubNow = Date.parse(health.time);
    if (Number.isFinite(hubNow)) clockOffsetMs = hubNow - (before + after) / 2;
  }

  async function signedCall<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    opts: CallOptions & { signer: RequestSigner },
  ): Promise<T> {
    try {
      return await call(method, path, schema, opts);
    } catch (error) {
      if (!(error instanceof HubCallError) || error.code !== 'stale-timestamp') throw error;
      await learnClockOffset();
      return call(method, path, schema, opts);
    }
  }

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    opts: CallOptions = {},
  ): Promise<T> {
    // A 随附单据 chunk goes as raw bytes; everything else as JSON text.
    const body: string | Uint8Array<ArrayBuffer> =
      (opts.bytes && new Uint8Array(opts.bytes)) ??
      opts.rawBody ??
      (opts.body === undefined ? '' : JSON.stringify(opts.body));
    const hasBody = opts.bytes !== undefined || opts.rawBody !== undefined || opts.body !== undefined;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (hasBody) headers['content-type'] = opts.bytes ? 'application/octet-stream' : 'application/json';
    if (opts.signer) {
      const timestamp = new Date(options.clock.now() + clockOffsetMs).toISOString();
      const nonce = randomBytes(16).toString('hex');
      headers[signedHeaders.client] = opts.signer.clientId;
      headers[signedHeaders.keyId] = opts.signer.keyId;
      headers[signedHeaders.timestamp] = timestamp;
      headers[signedHeaders.nonce] = nonce;
      headers[signedHeaders.signature] = opts.signer.sign(
        typeof body === 'string'
          ? requestSigningText({ method, path, timestamp, nonce, body })
          : requestSigningTextForDigest(
              { method, path, timestamp, nonce },
              createHash('sha256').update(body).digest('hex'),
            ),
      );
    }
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(hasBody ? { body } : {}),
        // The caller's signal ends a call at once (the desk closing ends its long poll, not 25 s later).
        signal: opts.signal
          ? AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs ?? timeoutMs)])
          : AbortSignal.timeout(opts.timeoutMs ?? timeoutMs),
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new HubCallError(
          'indeterminate',
          reasonMessage('sync.hub-timeout', { seconds: Math.round((opts.timeoutMs ?? timeoutMs) / 1000) }),
        );
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
      const code = (cause as NodeJS.ErrnoException | null)?.code ?? '';
      // Only a connection that was never made proves nothing reached the hub; a
      // connection dropped later (reset, closed) may have delivered the request.
      // undici refuses a blocked port (6000, 1…) before it connects.
      if (notConnected.has(code) || causeKind(error) === 'bad-port')
        throw new HubCallError(
          'network',
          reasonMessage('sync.hub-unreachable', { url: baseUrl, ...causeParams(error) }),
        );
      throw new HubCallError('indeterminate', reasonMessage('sync.connection-broke', causeParams(error)));
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      // The request was sent; the answer was lost on the way.
      throw new HubCallError('indeterminate', reasonMessage('sync.answer-lost'));
    }
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      json = null;
    }
    if (!response.ok) {
      const parsed = hubErrorSchema.safeParse(json);
      const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
      const code = parsed.success ? parsed.data.error.code : null;
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), options.clock.now());
      const status = response.status;
      const said = refusal(status, code, message);
      if (status === 401 || status === 403) throw new HubCallError('auth', said, { status, code });
      if (status >= 500 || status === 429 || status === 408)
        throw new HubCallError('retryable', said, { status, retryAfterMs, code });
      throw new HubCallError('rejected', said, { status, code });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new HubCallError(
        'protocol',
        reasonMessage('sync.bad-answer', { call: `${method} ${path.split('?')[0] ?? path}` }),
      );
    return parsed.data;
  }

  return {
    baseUrl,
    health: () => call('GET', '/v1/health', healthSchema, { timeoutMs: 5_000 }),
    enroll: (request: EnrollmentRequest) =>
      call('POST', '/v1/enrollments', enrollmentResponseSchema, { body: request }),
    submit: (signer: RequestSigner, submissions: SignedSubmission[]) =>
      signedCall('POST', '/v1/submissions', submitResponseSchema, { body: { submissions }, signer }),
    /** Submits a batch whose JSON body is already written (the stored signed envelopes, unparsed). */
    submitRaw: (signer: RequestSigner, body: string) =>
      signedCall('POST', '/v1/submissions', submitResponseSchema, { rawBody: body, signer }),
    submissionState: (signer: RequestSigner, submissionId: string) =>
      signedCall('GET', `/v1/submissions/${encodeURIComponent(submissionId)}`, submissionStateSchema, { signer }),
    receipts: (signer: RequestSigner, after: string, waitSeconds: number, signal?: AbortSignal) =>
      signedCall('GET', `/v1/receipts?after=${encodeURIComponent(after)}&wait=${waitSeconds}`, receiptsResponseSchema, {
        signer,
        timeoutMs: (waitSeconds + 15) * 1000,
        ...(signal ? { signal } : {}),
      }),
    /** Sends a signed modification or cancellation request (its stored text as is); answers its receipt. */
    sendDecMod: (signer: RequestSigner, body: string) =>
      signedCall('POST', '/v1/decmods', modReceiptSchema, { rawBody: body, signer }),
    codeTables: (signer: RequestSigner) => signedCall('GET', '/v1/code-tables', codeTableListSchema, { signer }),
    codeTable: (signer: RequestSigner, id: string, version: number) =>
      signedCall('GET', `/v1/code-tables/${encodeURIComponent(id)}?version=${version}`, codeTableSchema, {
        signer,
        timeoutMs: 120_000,
      }),
    /** What the hub holds of one of our 随附单据 files (where its upload resumes). */
    attachmentState: (signer: RequestSigner, sha256: string) =>
      signedCall('GET', `/v1/attachments/${sha256}`, attachmentStateSchema, { signer }),
    /** One chunk of a 随附单据 file, at `offset` of a file of `size` bytes. */
    uploadChunk: (signer: RequestSigner, sha256: string, size: number, offset: number, bytes: Uint8Array) =>
      signedCall('POST', `/v1/attachments/${sha256}?size=${size}&offset=${offset}`, attachmentStateSchema, {
        bytes,
        signer,
        timeoutMs: 60_000,
      }),
    registerKey: (signer: RequestSigner, request: KeyRegistrationRequest) =>
      signedCall('POST', '/v1/keys', keyRegistrationResponseSchema, { body: request, signer }),
    /** The offset applied to our clock when signing (hub time − our time), learned from a stale-timestamp refusal. */
    clockOffsetMs: () => clockOffsetMs,
  };
}

export type HubClient = ReturnType<typeof createHubClient>;
