import { describe, expect, it } from 'vitest';
import { canonicalJson, requestSigningText, requestSigningTextForDigest, sha256Hex } from '../../shared/protocol';
import { makeEnvelope, ed25519Key, sm2Key } from '../../test-support/hub/test-client';
import { generateEnrollmentCode, hashEnrollmentCode, normalizeEnrollmentCode } from './codes';
import { canonicalEnvelope, sha256HexNative } from './digest';
import { createSignatureVerifier, normalizePublicKey } from './keys';

describe('hub crypto helpers', () => {
  it('hashes and canonicalizes exactly like shared/protocol', () => {
    const envelope = { ...makeEnvelope(ed25519Key()), extra: { z: 1, a: ['报关', 1.5] } };
    const { envelopeText, payloadText } = canonicalEnvelope(envelope);
    expect(envelopeText).toBe(canonicalJson(envelope));
    expect(payloadText).toBe(canonicalJson(envelope.payload));
    expect(canonicalEnvelope({ payload: 'x' }).envelopeText).toBe('{"payload":"x"}');
    expect(canonicalEnvelope([1]).envelopeText).toBe('[1]');
    for (const text of ['', 'abc', '报关单 \u{1F600}', 'x'.repeat(100_000)])
      expect(sha256HexNative(text)).toBe(sha256Hex(text));
    const request = {
      method: 'post',
      path: '/v1/receipts?after=1',
      timestamp: '2026-01-31T00:00:00.000Z',
      nonce: 'abcdefgh',
    };
    expect(requestSigningTextForDigest(request, sha256HexNative('{"a":1}'))).toBe(
      requestSigningText({ ...request, body: '{"a":1}' }),
    );
  });

  it('normalizes public keys to one text per key and refuses what is not a key', () => {
    const ed = ed25519Key();
    expect(normalizePublicKey('ed25519', ` ${ed.publicKey} `)).toBe(ed.publicKey);
    expect(normalizePublicKey('ed25519', ed.publicKey.slice(4))).toBeNull();
    const sm = sm2Key();
    expect(normalizePublicKey('sm2', sm.publicKey.toUpperCase().replace(/^04/, '04'))).toBe(sm.publicKey);
    expect(normalizePublicKey('sm2', ed.publicKey)).toBeNull();
  });

  it('verifies both algorithms and never throws on garbage', () => {
    const verifier = createSignatureVerifier();
    for (const key of [ed25519Key(), sm2Key()]) {
      const record = { algorithm: key.algorithm, publicKey: key.publicKey };
      expect(verifier.verify(record, 'text', key.sign('text'))).toBe(true);
      expect(verifier.verify(record, 'text!', key.sign('text'))).toBe(false);
      for (const junk of ['', '====', 'not base64', 'AAAA', 'A'.repeat(88)])
        expect(verifier.verify(record, 'text', junk)).toBe(false);
    }
    expect(verifier.verify({ algorithm: 'ed25519', publicKey: 'garbage' }, 'text', 'AAAA')).toBe(false);
  });

  it('makes enrollment codes of 100 random bits that survive retyping', () => {
    const code = generateEnrollmentCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(hashEnrollmentCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(hashEnrollmentCode(code));
    expect(normalizeEnrollmentCode('o0-Il')).toBe('0011');
    expect(new Set(Array.from({ length: 100 }, generateEnrollmentCode)).size).toBe(100);
  });
});
