import { randomInt } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread

/**
 * Our ClientSeqNo (DecSign/ClientSeqNo, ≤18 chars): `SW` + yyMMdd + 10 random
 * base32 characters. It is the key customs receipts are matched by, so it must
 * be unique; 50 bits of randomness per day make a clash practically impossible,
 * and the UNIQUE constraint catches one if it ever happens.
 */
export function newClientSeqNo(now: Date): string {
  const ymd = now.toISOString().slice(2, 10).replace(/-/g, '');
  let tail = '';
  for (let i = 0; i < 10; i++) tail += alphabet[randomInt(alphabet.length)];
  return `SW${ymd}${tail}`;
}
