import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials of a Chinese name, as brokers type them to find a code (一般贸易 → ybmy).
 * Latin letters and digits are kept lower-cased; punctuation is dropped (提/运单 → tyd).
 */
export function pinyinInitials(name: string): string {
  if (name === '') return '';
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
