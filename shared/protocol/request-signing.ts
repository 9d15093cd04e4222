import { sha256Hex } from './canonical';

/** Header names of a signed hub request (ARCHITECTURE.md "Hub protocol v1"). */
export const signedHeaders = {
  client: 'x-swdesk-client',
  keyId: 'x-swdesk-key',
  timestamp: 'x-swdesk-timestamp',
  nonce: 'x-swdesk-nonce',
  signature: 'x-swdesk-signature',
} as const;

/** A request is accepted only within this distance from the hub's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface RequestToSign {
  method: string;
  /** Path with query string exactly as sent, e.g. `/v1/receipts?after=12&wait=20`. */
  path: string;
  /** ISO 8601 instant. */
  timestamp: string;
  nonce: string;
  body: string;
}

/**
 * The text a client signs for every call after enrollment. The query string is
 * inside the path, so a cursor cannot be altered, and the body is pinned by its
 * SHA-256.
 */
export function requestSigningText(request: RequestToSign): string {
  return requestSigningTextForDigest(request, sha256Hex(request.body));
}

/**
 * The same text from the body's SHA-256 (hex) computed elsewhere — the hub
 * hashes large bodies with its platform's native SHA-256.
 */
export function requestSigningTextForDigest(request: Omit<RequestToSign, 'body'>, bodySha256Hex: string): string {
  return [
    'SWDESK-REQ-1',
    request.method.toUpperCase(),
    request.path,
    request.timestamp,
    request.nonce,
    bodySha256Hex,
  ].join('\n');
}
