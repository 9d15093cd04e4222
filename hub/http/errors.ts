import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { FieldError, HubError } from '../../shared/protocol';
import { StoreUnavailableError } from '../store/types';

/** A refusal with its HTTP status, stable code and a message that says what to do. */
export class HubHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  constructor(
    status: number,
    code: string,
    message: string,
    extra: { issues?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HubHttpError';
    this.status = status;
    this.code = code;
    this.issues = extra.issues;
    this.headers = extra.headers ?? {};
  }
}

export function errorBody(code: string, message: string, issues?: FieldError[]): HubError {
  return { error: { code, message, ...(issues && issues.length > 0 ? { issues } : {}) } };
}

export function sendHubError(reply: FastifyReply, error: HubHttpError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.code(error.status).send(errorBody(error.code, error.message, error.issues));
}

/** `a.b[0].c` from a zod issue path, the same style as the validation engine's field paths. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function schemaIssues(error: z.ZodError, limit = 50): FieldError[] {
  return error.issues
    .slice(0, limit)
    .map((issue) => ({ path: issuePath(issue.path), code: issue.code, message: issue.message }));
}

/** Parses the request's JSON body (kept raw for the signature) or refuses it with 400. */
export function parseJsonBody(raw: unknown): unknown {
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : '';
  if (text.trim() === '') {
    throw new HubHttpError(400, 'bad-json', 'The request needs a JSON body (Content-Type: application/json)');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    throw new HubHttpError(400, 'bad-json', `The request body is not valid JSON: ${detail}`);
  }
}

/** Validates a parsed body against a wire schema, refusing with 400 and the offending paths. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = schemaIssues(result.error);
    const first = issues[0];
    const where = first ? ` (first: ${first.path || 'body'}: ${first.message})` : '';
    throw new HubHttpError(400, 'bad-request', `The ${what} does not match protocol v1${where}`, { issues });
  }
  return result.data;
}

const fastifyCodes: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'too-large',
    message: 'The request body is larger than this hub accepts; send smaller batches',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported-media-type',
    message: 'Send the body as JSON with Content-Type: application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'bad-json',
    message: 'The request body is empty although it is declared as JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad-request',
    message: 'The Content-Length header does not match the body',
  },
};

/** The database is down or restarting: nothing was changed, or asking again is safe (ids deduplicate). */
export function storeUnavailable(): HubHttpError {
  return new HubHttpError(
    503,
    'unavailable',
    "The hub's database is not answering now; try again shortly (submissions are deduplicated by id, so resending is safe)",
    { headers: { 'retry-after': '2' } },
  );
}

/** Every answer that is not a success has the hubErrorSchema shape; bad input never yields a 5xx. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HubHttpError, request, reply) => {
    if (error instanceof HubHttpError) return sendHubError(reply, error);
    if (error instanceof StoreUnavailableError) {
      request.log.warn({ err: error }, 'the store is not answering');
      return sendHubError(reply, storeUnavailable());
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return sendHubError(reply, new HubHttpError(known.status, known.code, known.message));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500)
      return sendHubError(
        reply,
        new HubHttpError(status, 'bad-request', error.message || 'The request cannot be processed'),
      );
    request.log.error({ err: error }, 'request failed');
    return sendHubError(
      reply,
      new HubHttpError(
        500,
        'internal',
        'The hub failed to process this request — try again later (check GET /v1/submissions/:id before resending submissions)',
      ),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendHubError(
      reply,
      new HubHttpError(
        404,
        'not-found',
        `There is no ${request.method} ${request.url.split('?')[0] ?? ''} in hub protocol v1 (see /v1/openapi.json)`,
      ),
    ),
  );
}
