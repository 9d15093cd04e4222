import type { FormatId } from '../catalog/types';

// Value formats beyond type and length (ElementDef.format). Each returns whether the value is
// well formed; the check-digit ones say which part failed so the message can be precise.

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 统一社会信用代码: 18 characters of the 31-character set, the last a check character (mod 31). */
export function usccProblem(value: string): 'format' | 'check-digit' | null {
  if (!/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(value)) return 'format';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(value[i] ?? '') * (USCC_WEIGHTS[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === value[17] ? null : 'check-digit';
}

/** The check character a 17-character USCC body needs (for building test data and hints). */
export function usccCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body[i] ?? '') * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] ?? '';
}

// ISO 6346 letter values: A=10 … Z=38, skipping multiples of 11.
const CONTAINER_LETTER_VALUES: Record<string, number> = (() => {
  const values: Record<string, number> = {};
  let v = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (v % 11 === 0) v++;
    values[letter] = v++;
  }
  return values;
})();

/** The ISO 6346 check digit of a 10-character owner code + category + serial (e.g. CSQU305438 → 3). */
export function containerCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = first10[i] ?? '';
    const value = /\d/.test(ch) ? Number(ch) : (CONTAINER_LETTER_VALUES[ch] ?? 0);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** ISO 6346 container number: 3-letter owner code, category U/J/Z/R, 6 digits, check digit. */
export function containerProblem(value: string): 'format' | 'check-digit' | null {
  if (!/^[A-Z]{3}[UJZR]\d{7}$/.test(value)) return 'format';
  return containerCheckDigit(value.slice(0, 10)) === Number(value[10]) ? null : 'check-digit';
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isYmd(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return !!match && validDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isYmdDash(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!match && validDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function validTime(h: number, m: number, s: number): boolean {
  return h < 24 && m < 60 && s < 60;
}

/** Whether a value has the format; check-digit formats (uscc, container-no) report through their own functions. */
export function hasFormat(format: FormatId, value: string): boolean {
  switch (format) {
    case 'ymd':
      return isYmd(value);
    case 'ymd-dash':
      return isYmdDash(value);
    case 'ymd-hms': {
      const match = /^(\d{8}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
      return !!match && isYmd(match[1] ?? '') && validTime(Number(match[2]), Number(match[3]), Number(match[4]));
    }
    case 'datetime16': {
      const match = /^(\d{8})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
      return !!match && isYmd(match[1] ?? '') && validTime(Number(match[2]), Number(match[3]), Number(match[4]));
    }
    case 'customs-code':
      return /^[0-9A-Z]{10}$/.test(value);
    case 'customs-code-or-no':
      return value === 'NO' || /^[0-9A-Z]{9,10}$/.test(value);
    case 'customs-or-org-code':
      return /^[0-9A-Z]{9,10}$/.test(value);
    case 'uscc':
      return usccProblem(value) === null;
    case 'ciq-code':
      return /^\d{10}$/.test(value);
    case 'hs-code':
      return /^\d{10}$/.test(value);
    case 'ciq-sub-code':
      return /^\d{3}$/.test(value);
    case 'container-no':
      return containerProblem(value) === null;
    case 'gno-list':
      return /^[1-9]\d{0,2}(,[1-9]\d{0,2})*$/.test(value);
    case 'promise-items':
      // Five positions of 1/0/9 since the 公式定价/暂定价格 additions; older producers sent three.
      return /^[019]{3}$|^[019]{5}$/.test(value);
  }
}
