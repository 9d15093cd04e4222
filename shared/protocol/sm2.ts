import { sm2 } from 'sm-crypto-v2';
import { base64ToBytes, bytesToBase64, bytesToHexString, hexToBytes } from './base64';

/**
 * SM2 signatures (GB/T 32918.2) with SM3 and the standard default user id, the
 * China profile of our signing (ARCHITECTURE.md "Signing and sync"). Pure
 * helpers on sm-crypto-v2 so the client signs with exactly what the hub
 * verifies; node:crypto's SM2 does not interoperate (it skips the Z value).
 *
 * Encodings (docs/hub-protocol.md):
 * - public key: lowercase hex of the uncompressed point, `04 || X || Y` (130 hex digits);
 * - private key: 64 hex digits;
 * - signature: base64 of the DER `SEQUENCE { INTEGER r, INTEGER s }`, over
 *   SM3(Z || M) where Z uses the user id 1234567812345678 and M is the UTF-8 text.
 */

export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** The order n of the SM2 recommended curve (GB/T 32918.5). */
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

export interface Sm2KeyPair {
  /** 64 hex digits. */
  privateKey: string;
  /** `04`-prefixed uncompressed point, 130 lowercase hex digits. */
  publicKey: string;
}

export function sm2GenerateKeyPair(): Sm2KeyPair {
  const pair = sm2.generateKeyPairHex();
  return { privateKey: pair.privateKey.padStart(64, '0'), publicKey: pair.publicKey.toLowerCase() };
}

export function sm2PublicKeyOf(privateKey: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKey).toLowerCase();
}

/** Whether the text is an uncompressed SM2 public key on the curve (lowercase hex expected, any case accepted). */
export function isSm2PublicKey(publicKey: string): boolean {
  if (!/^04[0-9a-fA-F]{128}$/.test(publicKey)) return false;
  try {
    return sm2.verifyPublicKey(publicKey.toLowerCase());
  } catch {
    return false;
  }
}

/** Signs the UTF-8 text; returns base64 of the DER-encoded signature. */
export function sm2Sign(text: string, privateKey: string, publicKey?: string): string {
  const derHex = sm2.doSignature(text, privateKey, {
    der: true,
    hash: true,
    userId: SM2_DEFAULT_USER_ID,
    publicKey: publicKey ?? sm2PublicKeyOf(privateKey),
  });
  const bytes = hexToBytes(derHex);
  if (!bytes) throw new Error('SM2 signing produced a malformed signature');
  return bytesToBase64(bytes);
}

function readDerInteger(bytes: Uint8Array, at: number): { value: bigint; next: number } | null {
  if (bytes[at] !== 0x02) return null;
  const length = bytes[at + 1];
  if (length === undefined || length < 1 || length > 33 || at + 2 + length > bytes.length) return null;
  const body = bytes.subarray(at + 2, at + 2 + length);
  const first = body[0] ?? 0;
  // Negative numbers and non-minimal encodings are refused: one signature, one encoding.
  if (first & 0x80) return null;
  if (first === 0 && length > 1 && ((body[1] ?? 0) & 0x80) === 0) return null;
  return { value: BigInt(`0x${bytesToHexString(body)}`), next: at + 2 + length };
}

/** Parses a strict DER SM2 signature into r and s (1 ≤ r, s < n); null when malformed. */
export function parseSm2Signature(signatureBase64: string): { r: bigint; s: bigint } | null {
  const bytes = base64ToBytes(signatureBase64);
  if (!bytes || bytes.length < 8 || bytes[0] !== 0x30 || bytes[1] !== bytes.length - 2) return null;
  const r = readDerInteger(bytes, 2);
  if (!r) return null;
  const s = readDerInteger(bytes, r.next);
  if (!s || s.next !== bytes.length) return null;
  if (r.value < 1n || r.value >= SM2_N || s.value < 1n || s.value >= SM2_N) return null;
  return { r: r.value, s: s.value };
}

/** Verifies a signature made by `sm2Sign` (or any GB/T 32918 signer using the default user id). Never throws. */
export function sm2Verify(text: string, signatureBase64: string, publicKey: string): boolean {
  return createSm2Verifier(publicKey)?.(text, signatureBase64) ?? false;
}

/**
 * A verifier for one public key with the key's multiples precomputed (a 4-bit
 * window: ~7 ms and ~50 KB once, then about four times faster per signature),
 * for a verifier that sees the same key often (the hub). Null when the text is
 * not an SM2 public key. Never throws.
 */
export function createSm2Verifier(publicKey: string): ((text: string, signatureBase64: string) => boolean) | null {
  if (!isSm2PublicKey(publicKey)) return null;
  let point: ReturnType<typeof sm2.precomputePublicKey>;
  try {
    point = sm2.precomputePublicKey(publicKey.toLowerCase(), 4);
  } catch {
    return null;
  }
  return (text, signatureBase64) => {
    const parsed = parseSm2Signature(signatureBase64);
    if (!parsed) return false;
    const rawHex = parsed.r.toString(16).padStart(64, '0') + parsed.s.toString(16).padStart(64, '0');
    try {
      return sm2.doVerifySignature(text, rawHex, point, { der: false, hash: true, userId: SM2_DEFAULT_USER_ID });
    } catch {
      return false;
    }
  };
}
