import { createHash, randomBytes } from 'node:crypto';

// Enrollment codes: 100 random bits as 20 Crockford base32 characters in
// groups of four (easy to read out over the phone). Only a hash is stored.

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateEnrollmentCode(): string {
  const bytes = randomBytes(13);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 20; i++) {
    out += alphabet[Number((bits >> BigInt(i * 5)) & 31n)];
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/** Case, dashes and spaces do not matter, and the look-alikes O/I/L read as 0/1. */
export function normalizeEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function hashEnrollmentCode(code: string): string {
  return createHash('sha256')
    .update(`swhub-enroll\u0000${normalizeEnrollmentCode(code)}`)
    .digest('hex');
}
