import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { AppError, reasonIssue } from '../../../shared/api';
import type { SignatureAlgorithm } from '../../../shared/protocol';
import { isSm2PublicKey, sm2GenerateKeyPair, sm2PublicKeyOf, sm2Sign } from '../../../shared/protocol/sm2';

/**
 * Key material per algorithm, in the encodings the hub protocol uses:
 * Ed25519 — public key base64 SPKI DER, private key PKCS#8 DER (node:crypto);
 * SM2 — public key hex `04||X||Y`, private key 64 hex digits (sm-crypto-v2, GB/T 32918 with SM3).
 */
export interface KeyMaterial {
  algorithm: SignatureAlgorithm;
  publicKey: string;
  /** The private key as stored (sealed) at rest. */
  privateBytes: Buffer;
}

export function generateKey(algorithm: SignatureAlgorithm): KeyMaterial {
  if (algorithm === 'sm2') {
    const pair = sm2GenerateKeyPair();
    return { algorithm, publicKey: pair.publicKey, privateBytes: Buffer.from(pair.privateKey, 'utf8') };
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    algorithm,
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateBytes: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

/** Reads a private key the user imports: an Ed25519 PKCS#8 PEM, or an SM2 private key as 64 hex digits. */
export function importKey(algorithm: SignatureAlgorithm, text: string): KeyMaterial {
  const trimmed = text.trim();
  if (algorithm === 'sm2') {
    if (!/^[0-9a-fA-F]{64}$/.test(trimmed))
      throw new AppError('keys.sm2-format', {}, [reasonIssue('privateKey', 'keys.sm2-format')]);
    let publicKey: string;
    try {
      publicKey = sm2PublicKeyOf(trimmed.toLowerCase());
    } catch {
      publicKey = '';
    }
    if (!isSm2PublicKey(publicKey))
      throw new AppError('keys.sm2-invalid', {}, [reasonIssue('privateKey', 'keys.sm2-invalid')]);
    return { algorithm, publicKey, privateBytes: Buffer.from(trimmed.toLowerCase(), 'utf8') };
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: trimmed, format: 'pem' });
  } catch {
    throw new AppError('keys.not-pem', {}, [reasonIssue('privateKey', 'keys.not-pem')]);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    const params = { algorithm: key.asymmetricKeyType ?? 'unknown' };
    throw new AppError('keys.wrong-algorithm', params, [reasonIssue('privateKey', 'keys.wrong-algorithm', params)]);
  }
  return {
    algorithm,
    publicKey: createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64'),
    privateBytes: key.export({ type: 'pkcs8', format: 'der' }),
  };
}

/** A signing function over UTF-8 text, returning the base64 signature the protocol carries. */
export function signerFor(
  algorithm: SignatureAlgorithm,
  privateBytes: Buffer,
  publicKey: string,
): (text: string) => string {
  if (algorithm === 'sm2') {
    const privateHex = privateBytes.toString('utf8');
    return (text) => sm2Sign(text, privateHex, publicKey);
  }
  const key = createPrivateKey({ key: privateBytes, format: 'der', type: 'pkcs8' });
  return (text) => sign(null, Buffer.from(text, 'utf8'), key).toString('base64');
}

/** The public key in a form to hand to someone: PEM for Ed25519, hex for SM2. */
export function publicKeyExport(algorithm: SignatureAlgorithm, publicKey: string): string {
  if (algorithm === 'sm2') return publicKey;
  return createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
}
