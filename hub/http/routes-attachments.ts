import type { FastifyInstance } from 'fastify';
import type { AttachmentState } from '../../shared/protocol';
import { ATTACHMENT_CHUNK_BYTES } from '../../shared/protocol';
import { authenticate } from './auth';
import type { HubContext } from './context';
import { HubHttpError } from './errors';
import { withNonce } from './routes-submissions';

// 随附单据 uploads (docs/hub-protocol.md "Attached files"): a file named by its SHA-256 goes up in signed chunks; each
// chunk commits with its nonce, a retried one changes nothing, and the hub keeps the file only when its bytes hash to
// its name. A submission naming a file the hub does not hold whole is refused naming the file (decide.ts).

const sha256Pattern = /^[0-9a-f]{64}$/;

function badRequest(path: string, message: string): HubHttpError {
  return new HubHttpError(400, 'bad-request', `${path}: ${message}`, {
    issues: [{ path, code: 'invalid', message }],
  });
}

function whole(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'string' || !/^\d{1,10}$/.test(value) || Number(value) < min || Number(value) > max)
    throw badRequest(name, `must be a whole number from ${min} to ${max}`);
  return Number(value);
}

function digestParam(value: string): string {
  if (!sha256Pattern.test(value)) throw badRequest('sha256', 'must be the file’s SHA-256 in 64 lower-case hex digits');
  return value;
}

export function registerAttachmentRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  app.get<{ Params: { sha256: string } }>('/v1/attachments/:sha256', async (request): Promise<AttachmentState> => {
    const auth = await authenticate(request, ctx);
    const sha256 = digestParam(request.params.sha256);
    await withNonce(() => ctx.store.consumeNonce(auth.nonce));
    return ctx.store.attachmentState(auth.client.id, sha256);
  });

  app.post<{ Params: { sha256: string }; Querystring: Record<string, unknown> }>(
    '/v1/attachments/:sha256',
    async (request): Promise<AttachmentState> => {
      const auth = await authenticate(request, ctx);
      const sha256 = digestParam(request.params.sha256);
      const limit = ctx.config.maxAttachmentBytes;
      const size = whole(request.query.size, 'size', 1, 9_999_999_999);
      if (size > limit)
        throw badRequest('size', `file ${sha256} is ${size} bytes; this hub takes files of at most ${limit} bytes`);
      const offset = whole(request.query.offset, 'offset', 0, size - 1);
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (bytes.length === 0 || bytes.length > ATTACHMENT_CHUNK_BYTES)
        throw badRequest(
          'body',
          `a chunk is 1 to ${ATTACHMENT_CHUNK_BYTES} bytes (Content-Type: application/octet-stream)`,
        );
      const at = new Date(ctx.now()).toISOString();
      const clientId = auth.client.id;
      const result = await withNonce(() =>
        ctx.store.putAttachmentChunk({ clientId, sha256, size, offset, bytes, nonce: auth.nonce, at }),
      );
      const { state } = result;
      if (result.outcome === 'gap')
        throw new HubHttpError(
          409,
          'attachment-gap',
          `The hub holds ${state.received} bytes of file ${sha256}; send the chunk at offset ${state.received}`,
        );
      if (result.outcome === 'size-mismatch')
        throw new HubHttpError(
          409,
          'attachment-size-mismatch',
          `File ${sha256} is being uploaded with size ${state.size ?? size}; this chunk says ${size} or runs past it`,
        );
      if (result.outcome === 'digest-mismatch')
        throw new HubHttpError(
          422,
          'attachment-digest-mismatch',
          `The bytes received for file ${sha256} do not hash to that name: the partial file was dropped; upload it again from offset 0`,
        );
      if (state.complete && offset + bytes.length === size)
        request.log.info({ clientId, sha256, size }, 'attachment received');
      return state;
    },
  );
}
