import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * RFC 8785 (JCS) canonical JSON. Signed data must serialize to the same bytes
 * on every machine, so amounts travel as strings and keys are sorted by the
 * standard's rules (the well-kept `canonicalize` package implements them).
 */
export function canonicalJson(value: unknown): string {
  const out = canonicalize(value);
  if (out === undefined) throw new Error('This value has no JSON form and cannot be canonicalized');
  return out;
}

export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

export function utf8(data: string): Uint8Array {
  return utf8ToBytes(data);
}
