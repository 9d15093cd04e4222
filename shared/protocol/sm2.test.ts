import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';
import { keyIdOf } from './envelope';
import { requestSigningText } from './request-signing';
import { isSm2PublicKey, parseSm2Signature, sm2GenerateKeyPair, sm2PublicKeyOf, sm2Sign, sm2Verify } from './sm2';

// Made with OpenSSL 3.0 (an independent GB/T 32918 implementation):
//   openssl genpkey -algorithm SM2 -out k.pem
//   openssl pkeyutl -sign -in msg -inkey k.pem -rawin -digest sm3 -pkeyopt distid:1234567812345678
// so verifying it proves the SM3 hash, the Z value with the default user id and the DER encoding interoperate.
const opensslVector = {
  privateKey: '273e11e0ecc02c4fcd38bb6c1235c12956c047837c83d4b76b1b262c4335ead8',
  publicKey:
    '045bd6beec87b8749d201d2cdad7df15c3dd8377421452c7cc78a7f82c81ed23b997c8f65e1cb3dc29bb29d347fcdf4f2c9555ab71b6065aec8464935835a88a08',
  message: 'SWDESK-REQ-1\nPOST\n/v1/x\n签名测试',
  signature: 'MEYCIQDcIkfgG0VqD4TaE16Obb9BvMZ/ipZ9fLKvxDd+Fq4T7wIhAPp6HngXkcCN7ZcRczqP1n7WlSkoxob+LCduUupTQ3Wd',
};

describe('SM2 helpers', () => {
  it('verifies a signature made by OpenSSL with SM3 and the default user id', () => {
    expect(sm2Verify(opensslVector.message, opensslVector.signature, opensslVector.publicKey)).toBe(true);
    expect(sm2Verify(`${opensslVector.message} `, opensslVector.signature, opensslVector.publicKey)).toBe(false);
    expect(sm2PublicKeyOf(opensslVector.privateKey)).toBe(opensslVector.publicKey);
  });

  it('signs and verifies a round trip of a request signing text', () => {
    const pair = sm2GenerateKeyPair();
    expect(isSm2PublicKey(pair.publicKey)).toBe(true);
    expect(keyIdOf(pair.publicKey)).toMatch(/^[0-9a-f]{16}$/);
    const text = requestSigningText({
      method: 'POST',
      path: '/v1/submissions',
      timestamp: '2026-01-31T00:00:00.000Z',
      nonce: 'n1',
      body: '{"a":"报关"}',
    });
    const signature = sm2Sign(text, pair.privateKey, pair.publicKey);
    expect(parseSm2Signature(signature)).not.toBeNull();
    expect(sm2Verify(text, signature, pair.publicKey)).toBe(true);
    expect(sm2Verify(text.replace('POST', 'GET'), signature, pair.publicKey)).toBe(false);
    expect(sm2Verify(text, signature, sm2GenerateKeyPair().publicKey)).toBe(false);
  });

  it('signs with the private key alone (the public key is derived)', () => {
    const signature = sm2Sign('hello', opensslVector.privateKey);
    expect(sm2Verify('hello', signature, opensslVector.publicKey)).toBe(true);
  });

  it('refuses malformed keys and signatures without throwing', () => {
    expect(isSm2PublicKey('04' + '00'.repeat(64))).toBe(false);
    expect(isSm2PublicKey(opensslVector.publicKey.slice(2))).toBe(false);
    expect(isSm2PublicKey('zz')).toBe(false);
    expect(sm2Verify('x', 'not base64!', opensslVector.publicKey)).toBe(false);
    expect(sm2Verify('x', '', opensslVector.publicKey)).toBe(false);
    expect(sm2Verify(opensslVector.message, opensslVector.signature, 'garbage')).toBe(false);
  });

  it('accepts only the strict DER encoding with r and s in range', () => {
    const der = base64ToBytes(opensslVector.signature);
    expect(der).not.toBeNull();
    const bytes = der ?? new Uint8Array();
    // A non-minimal length or trailing bytes is another encoding of the same signature: refused.
    const trailing = new Uint8Array([...bytes, 0]);
    trailing[1] = (trailing[1] ?? 0) + 1;
    expect(sm2Verify(opensslVector.message, bytesToBase64(trailing), opensslVector.publicKey)).toBe(false);
    // r = 0 is out of range.
    const zero = bytesToBase64(new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01]));
    expect(parseSm2Signature(zero)).toBeNull();
    // The raw 64-byte r||s form is not accepted where DER is expected.
    expect(parseSm2Signature(bytesToBase64(new Uint8Array(64).fill(1)))).toBeNull();
  });
});

describe('base64', () => {
  it('round-trips every length and refuses non-base64', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + 250) & 255);
      const text = bytesToBase64(bytes);
      expect(text.length % 4).toBe(0);
      expect(Array.from(base64ToBytes(text) ?? [])).toEqual(Array.from(bytes));
    }
    expect(base64ToBytes('abc')).toBeNull();
    expect(base64ToBytes('ab=c')).toBeNull();
  });
});
