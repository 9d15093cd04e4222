import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { SignatureAlgorithm } from '../../shared/protocol';
import { createSm2Verifier, isSm2PublicKey } from '../../shared/protocol/sm2';

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The canonical text of a public key, or null when it is not a key of that
 * algorithm: Ed25519 as base64 SPKI DER (re-encoded, so one key has one text
 * and one key id), SM2 as lowercase 04-prefixed hex.
 */
export function normalizePublicKey(algorithm: SignatureAlgorithm, publicKey: string): string | null {
  const text = publicKey.trim();
  if (algorithm === 'sm2') return isSm2PublicKey(text) ? text.toLowerCase() : null;
  if (!base64.test(text) || text.length % 4 !== 0) return null;
  try {
    const key = createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return key.export({ type: 'spki', format: 'der' }).toString('base64');
  } catch {
    return null;
  }
}

export interface SignatureVerifier {
  /** Whether `signature` (base64) is the key's signature of the UTF-8 text. Never throws. */
  verify(key: { algorithm: SignatureAlgorithm; publicKey: string }, text: string, signature: string): boolean;
}

/** Verifies Ed25519 (node:crypto) and SM2/SM3 (shared/protocol/sm2) signatures, caching parsed keys. */
export function createSignatureVerifier(cacheSize = 10_000, sm2CacheSize = 1000): SignatureVerifier {
  const ed25519Keys = new Map<string, KeyObject>();
  const sm2Keys = new Map<string, ((text: string, signature: string) => boolean) | null>();

  // Precomputed SM2 keys are ~50 KB each: keep the most recently used ones.
  function sm2Verifier(publicKey: string): ((text: string, signature: string) => boolean) | null {
    const cached = sm2Keys.get(publicKey);
    if (cached !== undefined) {
      sm2Keys.delete(publicKey);
      sm2Keys.set(publicKey, cached);
      return cached;
    }
    const created = createSm2Verifier(publicKey);
    if (sm2Keys.size >= sm2CacheSize) {
      const oldest = sm2Keys.keys().next();
      if (!oldest.done) sm2Keys.delete(oldest.value);
    }
    sm2Keys.set(publicKey, created);
    return created;
  }

  function ed25519Key(publicKey: string): KeyObject | null {
    const cached = ed25519Keys.get(publicKey);
    if (cached) return cached;
    try {
      const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
      if (key.asymmetricKeyType !== 'ed25519') return null;
      if (ed25519Keys.size >= cacheSize) ed25519Keys.clear();
      ed25519Keys.set(publicKey, key);
      return key;
    } catch {
      return null;
    }
  }

  return {
    verify(key, text, signature) {
      if (typeof signature !== 'string' || !base64.test(signature) || signature.length % 4 !== 0) return false;
      if (key.algorithm === 'sm2') return sm2Verifier(key.publicKey)?.(text, signature) ?? false;
      const publicKey = ed25519Key(key.publicKey);
      const bytes = Buffer.from(signature, 'base64');
      if (!publicKey || bytes.length !== 64) return false;
      try {
        return verify(null, Buffer.from(text, 'utf8'), publicKey, bytes);
      } catch {
        return false;
      }
    },
  };
}
