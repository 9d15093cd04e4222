import type { FastifyRequest } from 'fastify';
import { MAX_CLOCK_SKEW_MS, requestSigningTextForDigest, signedHeaders } from '../../shared/protocol';
import { sha256HexNative } from '../crypto/digest';
import type { SignatureVerifier } from '../crypto/keys';
import type { ClientRecord, HubStore, KeyRecord, NonceUse } from '../store/types';
import { HubHttpError } from './errors';

/** Who sent a signed request, with which key, and the nonce to consume with the request's effect. */
export interface AuthContext {
  client: ClientRecord;
  key: KeyRecord;
  nonce: NonceUse;
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const noncePattern = /^[A-Za-z0-9_-]{8,128}$/;
const keyIdPattern = /^[0-9a-f]{16}$/;

function header(request: FastifyRequest, name: string): string {
  const value = request.headers[name];
  if (typeof value !== 'string' || value === '') {
    throw new HubHttpError(
      401,
      'auth-missing',
      `This call must be signed: the ${name} header is missing (see docs/hub-protocol.md "Signed requests")`,
    );
  }
  return value;
}

function unauthorized(code: string, message: string): HubHttpError {
  return new HubHttpError(401, code, message);
}

/**
 * Checks a signed request (hub protocol v1): the headers, the timestamp within
 * ±5 minutes of the hub's clock, a known and unrevoked client and key, the
 * signature over method, path with query, timestamp, nonce and body SHA-256,
 * and a nonce not seen before. Consuming the nonce is left to the route, in
 * the same transaction as whatever the request changes, so a refused request
 * writes nothing.
 */
export async function authenticate(
  request: FastifyRequest,
  deps: { store: HubStore; verifier: SignatureVerifier; now: () => number },
): Promise<AuthContext> {
  const clientId = header(request, signedHeaders.client);
  const keyId = header(request, signedHeaders.keyId);
  const timestamp = header(request, signedHeaders.timestamp);
  const nonce = header(request, signedHeaders.nonce);
  const signature = header(request, signedHeaders.signature);

  if (clientId.length > 64) throw unauthorized('unknown-client', 'The client id is not one this hub issued');
  if (!keyIdPattern.test(keyId))
    throw unauthorized(
      'unknown-key',
      `${signedHeaders.keyId} must be the 16-hex-digit key id the hub returned at enrollment`,
    );
  if (!noncePattern.test(nonce))
    throw unauthorized('bad-nonce', `${signedHeaders.nonce} must be 8–128 characters of A–Z, a–z, 0–9, _ or -`);
  const at = isoInstant.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (!Number.isFinite(at))
    throw unauthorized(
      'bad-timestamp',
      `${signedHeaders.timestamp} must be an ISO 8601 instant such as 2026-01-31T08:00:00.000Z`,
    );
  const now = deps.now();
  const skew = at - now;
  if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
    throw unauthorized(
      'stale-timestamp',
      `The request was signed at ${timestamp}, ${Math.round(Math.abs(skew) / 1000)} s ${skew < 0 ? 'before' : 'after'} the hub's clock (${new Date(now).toISOString()}); ` +
        'requests are accepted within ±5 minutes — check the computer clock and send again',
    );
  }

  const client = await deps.store.getClient(clientId);
  if (!client)
    throw unauthorized('unknown-client', `The client ${clientId} is not enrolled at this hub; enroll with a new code`);
  if (client.revokedAt)
    throw unauthorized(
      'client-revoked',
      `The client ${clientId} was revoked at ${client.revokedAt}; ask the hub operator for a new enrollment code`,
    );
  const key = await deps.store.getKey(clientId, keyId);
  if (!key) throw unauthorized('unknown-key', `The key ${keyId} is not registered for client ${clientId}`);

  // The exact bytes received (a GET has none).
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const text = requestSigningTextForDigest(
    { method: request.method, path: request.url, timestamp, nonce },
    sha256HexNative(body),
  );
  if (!deps.verifier.verify(key, text, signature)) {
    throw unauthorized(
      'bad-signature',
      'The request signature does not verify: sign method, path with query, timestamp, nonce and the body SHA-256 exactly as sent',
    );
  }
  if (await deps.store.hasNonce(clientId, nonce)) throw replayed();
  return { client, key, nonce: { clientId, nonce, expiresAt: at + MAX_CLOCK_SKEW_MS + 60_000 } };
}

export function replayed(): HubHttpError {
  return unauthorized(
    'replayed-nonce',
    'This request nonce was already used: a replayed request is refused — sign each request with a new nonce',
  );
}
