import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  sign,
  type KeyObject,
} from 'node:crypto';
import type { DecPayload, Envelope, SignedSubmission } from '../../shared/protocol';
import {
  buildEnvelope,
  envelopeSigningText,
  keyIdOf,
  requestSigningText,
  requestSigningTextForDigest,
  signedHeaders,
} from '../../shared/protocol';
import { sm2GenerateKeyPair, sm2Sign } from '../../shared/protocol/sm2';
import { samplePayload } from './fixtures';

/** A client key the way the desktop client holds one: Ed25519 via node:crypto, or SM2 via shared/protocol/sm2. */
export interface TestKey {
  algorithm: 'ed25519' | 'sm2';
  publicKey: string;
  keyId: string;
  sign(text: string): string;
}

export function ed25519Key(): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return ed25519Pair(publicKey, privateKey);
}

/** PKCS #8 for an Ed25519 private key is this fixed prefix and the key's 32 bytes (RFC 8410). */
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The same Ed25519 key for the same 32 bytes: a test whose run is replayed from a seed signs alike. */
export function ed25519KeyFromSeed(seed: Uint8Array): TestKey {
  if (seed.length !== 32) throw new Error(`an Ed25519 key is made from 32 bytes, not ${seed.length}`);
  const privateKey = createPrivateKey({
    key: Buffer.concat([ed25519Pkcs8Prefix, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return ed25519Pair(createPublicKey(privateKey), privateKey);
}

function ed25519Pair(publicKey: KeyObject, key: KeyObject): TestKey {
  const der = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    algorithm: 'ed25519',
    publicKey: der,
    keyId: keyIdOf(der),
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), key).toString('base64'),
  };
}

export function sm2Key(): TestKey {
  const pair = sm2GenerateKeyPair();
  return {
    algorithm: 'sm2',
    publicKey: pair.publicKey,
    keyId: keyIdOf(pair.publicKey),
    sign: (text) => sm2Sign(text, pair.privateKey, pair.publicKey),
  };
}

export interface TestClient {
  clientId: string;
  key: TestKey;
}

let seqCounter = 0;

/** A fresh client sequence number (≤ 18 characters, unique within a test run). */
export function nextClientSeqNo(): string {
  seqCounter += 1;
  return `T${String(Date.now() % 1e9).padStart(9, '0')}${String(seqCounter).padStart(8, '0')}`.slice(0, 18);
}

export function makeEnvelope(
  key: TestKey,
  payload: DecPayload = samplePayload(),
  extra: Partial<Envelope> = {},
): Envelope {
  return {
    ...buildEnvelope({
      submissionId: randomUUID(),
      clientSeqNo: nextClientSeqNo(),
      createdAt: new Date().toISOString(),
      keyId: key.keyId,
      payload,
    }),
    ...extra,
  };
}

export function signSubmission(key: TestKey, envelope: Envelope): SignedSubmission {
  return { envelope, signature: key.sign(envelopeSigningText(envelope)) };
}

export function submission(key: TestKey, payload?: DecPayload, extra?: Partial<Envelope>): SignedSubmission {
  return signSubmission(key, makeEnvelope(key, payload, extra));
}

/** Headers of a signed request; every part can be overridden to build a bad one. */
export function signedRequestHeaders(
  client: TestClient,
  request: { method: string; path: string; body?: string },
  override: {
    timestamp?: string;
    nonce?: string;
    signature?: string;
    clientId?: string;
    keyId?: string;
    signWith?: TestKey;
  } = {},
): Record<string, string> {
  const timestamp = override.timestamp ?? new Date().toISOString();
  const nonce = override.nonce ?? randomBytes(16).toString('hex');
  const body = request.body ?? '';
  const signer = override.signWith ?? client.key;
  const headers: Record<string, string> = {
    [signedHeaders.client]: override.clientId ?? client.clientId,
    [signedHeaders.keyId]: override.keyId ?? signer.keyId,
    [signedHeaders.timestamp]: timestamp,
    [signedHeaders.nonce]: nonce,
    [signedHeaders.signature]:
      override.signature ??
      signer.sign(requestSigningText({ method: request.method, path: request.path, timestamp, nonce, body })),
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  return headers;
}

/** A signed request's method, headers and body, as fetch takes them (the body is JSON text already). */
export function signedInit(client: TestClient, method: 'GET' | 'POST', path: string, body?: string): RequestInit {
  const headers = signedRequestHeaders(client, { method, path, ...(body === undefined ? {} : { body }) });
  return { method, headers, ...(body === undefined ? {} : { body }) };
}

/** Headers of a signed request whose body is raw bytes (a 随附单据 chunk), signed over the bytes' SHA-256. */
export function signedBytesHeaders(
  client: TestClient,
  method: string,
  path: string,
  bytes: Buffer,
): Record<string, string> {
  const timestamp = new Date().toISOString();
  const nonce = randomBytes(16).toString('hex');
  const digest = createHash('sha256').update(bytes).digest('hex');
  return {
    [signedHeaders.client]: client.clientId,
    [signedHeaders.keyId]: client.key.keyId,
    [signedHeaders.timestamp]: timestamp,
    [signedHeaders.nonce]: nonce,
    [signedHeaders.signature]: client.key.sign(requestSigningTextForDigest({ method, path, timestamp, nonce }, digest)),
    'content-type': 'application/octet-stream',
  };
}
