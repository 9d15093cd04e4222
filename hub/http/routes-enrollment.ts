import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { EnrollmentResponse, KeyRegistrationResponse, SignatureAlgorithm } from '../../shared/protocol';
import { enrollmentRequestSchema, keyIdOf, keyRegistrationRequestSchema } from '../../shared/protocol';
import { hashEnrollmentCode } from '../crypto/codes';
import { normalizePublicKey } from '../crypto/keys';
import { authenticate } from './auth';
import type { HubContext } from './context';
import { HubHttpError, parseJsonBody, parseWith } from './errors';
import { withNonce } from './routes-submissions';

function checkedKey(algorithm: SignatureAlgorithm, publicKey: string): string {
  const normalized = normalizePublicKey(algorithm, publicKey);
  if (normalized) return normalized;
  const expected =
    algorithm === 'sm2'
      ? 'the 04-prefixed uncompressed SM2 point in hex (130 digits)'
      : 'base64 of the Ed25519 SubjectPublicKeyInfo DER';
  throw new HubHttpError(400, 'bad-request', `publicKey is not a valid ${algorithm} public key: expected ${expected}`, {
    issues: [{ path: 'publicKey', code: 'invalid-key', message: `expected ${expected}` }],
  });
}

/** Counts failed enrollments per address per minute, so codes cannot be guessed at speed. */
function failureLimiter(perMinute: number, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    blocked(address: string): number {
      const w = windows.get(address);
      if (!w || now() - w.start >= 60_000) return 0;
      return w.count >= perMinute ? Math.ceil((w.start + 60_000 - now()) / 1000) : 0;
    },
    fail(address: string): void {
      const w = windows.get(address);
      if (!w || now() - w.start >= 60_000) {
        if (windows.size > 10_000) windows.clear();
        windows.set(address, { start: now(), count: 1 });
      } else w.count++;
    },
  };
}

export function registerEnrollmentRoutes(app: FastifyInstance, ctx: HubContext): void {
  const limiter = failureLimiter(ctx.config.enrollmentFailuresPerMinute, ctx.now);

  app.post('/v1/enrollments', async (request): Promise<EnrollmentResponse> => {
    const address = request.ip;
    const wait = limiter.blocked(address);
    if (wait > 0) {
      throw new HubHttpError(
        429,
        'rate-limited',
        `Too many failed enrollments from this address; try again in ${wait} s`,
        { headers: { 'retry-after': String(wait) } },
      );
    }
    const body = parseWith(enrollmentRequestSchema, parseJsonBody(request.body), 'enrollment request');
    const publicKey = checkedKey(body.algorithm, body.publicKey);
    const now = ctx.now();
    const at = new Date(now).toISOString();
    const keyId = keyIdOf(publicKey);
    const result = await ctx.store.enroll({
      codeHash: hashEnrollmentCode(body.code),
      now,
      client: { id: randomUUID(), name: body.clientName.trim() || body.clientName, enrolledAt: at },
      key: { keyId, algorithm: body.algorithm, publicKey, addedAt: at },
    });
    if (!result) {
      limiter.fail(address);
      throw new HubHttpError(
        401,
        'invalid-enrollment-code',
        'This enrollment code is unknown, already used or expired; ask the hub operator for a new one',
      );
    }
    request.log.info({ clientId: result.clientId, algorithm: body.algorithm, keyId }, 'client enrolled');
    return { clientId: result.clientId, keyId };
  });

  app.post('/v1/keys', async (request): Promise<KeyRegistrationResponse> => {
    const auth = await authenticate(request, ctx);
    const body = parseWith(keyRegistrationRequestSchema, parseJsonBody(request.body), 'key registration');
    const publicKey = checkedKey(body.algorithm, body.publicKey);
    const keyId = keyIdOf(publicKey);
    const outcome = await withNonce(() =>
      ctx.store.addKey({
        clientId: auth.client.id,
        key: { keyId, algorithm: body.algorithm, publicKey, addedAt: new Date(ctx.now()).toISOString() },
        nonce: auth.nonce,
      }),
    );
    request.log.info({ clientId: auth.client.id, keyId, outcome }, 'client key registered');
    return { keyId };
  });
}
