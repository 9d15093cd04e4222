// How a supplier prints numbers, dates and amounts in words: the variety a parser meets in the wild, each form
// chosen by a layout so that one shipment reads differently from layout to layout.
import { decimal, quantityText } from './shipment';

export interface NumberStyle {
  /** Thousands separated by commas ("12,345.60"). */
  grouped: boolean;
  /** Decimals printed for unit prices (2, or 4 as some ERPs print them). */
  priceDecimals: 2 | 4;
}

function group(text: string): string {
  const [whole = '', frac] = text.split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? withCommas : `${withCommas}.${frac}`;
}

export function money(hundredths: number, style: NumberStyle): string {
  const text = decimal(hundredths, 2);
  return style.grouped ? group(text) : text;
}

export function price(hundredths: number, style: NumberStyle): string {
  const text = style.priceDecimals === 4 ? `${decimal(hundredths, 2)}00` : decimal(hundredths, 2);
  return style.grouped ? group(text) : text;
}

export function quantity(thousandths: number, style: NumberStyle): string {
  const text = quantityText(thousandths);
  return style.grouped ? group(text) : text;
}

/** Kilograms from hundredths, always with two decimals as packing lists print weights. */
export function weight(hundredths: number, style: NumberStyle): string {
  return money(hundredths, style);
}

const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];
const longMonths = [...monthNames, 'November', 'December'];

export const dateStyles = ['iso', 'day-month', 'month-day', 'chinese', 'slashes'] as const;
export type DateStyle = (typeof dateStyles)[number];

export function dateText(iso: string, style: DateStyle): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  const month = Number(m) - 1;
  switch (style) {
    case 'iso':
      return iso;
    case 'day-month':
      return `${d} ${months[month]} ${y}`;
    case 'month-day':
      return `${longMonths[month]} ${Number(d)}, ${y}`;
    case 'chinese':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'slashes':
      return `${y}/${m}/${d}`;
  }
}

const ones = ['', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN', 'ELEVEN', 'TWELVE'];
const teens = ['THIRTEEN', 'FOURTEEN', 'FIFTEEN', 'SIXTEEN', 'SEVENTEEN', 'EIGHTEEN', 'NINETEEN'];
const tens = ['', '', 'TWENTY', 'THIRTY', 'FORTY', 'FIFTY', 'SIXTY', 'SEVENTY', 'EIGHTY', 'NINETY'];

function belowThousand(n: number): string {
  const words: string[] = [];
  if (n >= 100) words.push(`${ones[Math.floor(n / 100)]} HUNDRED`);
  const rest = n % 100;
  if (rest > 0 && rest <= 12) words.push(ones[rest] ?? '');
  else if (rest > 12 && rest < 20) words.push(teens[rest - 13] ?? '');
  else if (rest >= 20) words.push(`${tens[Math.floor(rest / 10)]}${rest % 10 ? `-${ones[rest % 10]}` : ''}`);
  return words.join(' AND ');
}

export function englishWords(n: number): string {
  if (n === 0) return 'ZERO';
  const parts: string[] = [];
  const scales: [number, string][] = [
    [1_000_000, 'MILLION'],
    [1000, 'THOUSAND'],
  ];
  let rest = n;
  for (const [size, name] of scales) {
    if (rest >= size) {
      parts.push(`${belowThousand(Math.floor(rest / size))} ${name}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(belowThousand(rest));
  return parts.join(' ');
}

/** "SAY US DOLLARS TWELVE THOUSAND … AND CENTS FIFTY ONLY", as export invoices state the total. */
export function amountInWords(hundredths: number, currencyWords: string): string {
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  const centsText = cents > 0 ? ` AND CENTS ${englishWords(cents)}` : '';
  return `SAY ${currencyWords} ${englishWords(whole)}${centsText} ONLY.`;
}

const digitsZh = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const placesZh = ['', '拾', '佰', '仟'];

function zhGroup(n: number): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) zero = out.length > 0;
    else {
      out += `${zero ? '零' : ''}${digitsZh[d]}${placesZh[p]}`;
      zero = false;
    }
  }
  return out;
}

/** 大写金额 ("美元壹万贰仟叁佰肆拾伍元伍角整"), as Chinese invoices state the total. */
export function amountInChinese(hundredths: number, currencyZh: string): string {
  const whole = Math.floor(hundredths / 100);
  const high = Math.floor(whole / 10_000);
  const low = whole % 10_000;
  let text = high > 0 ? `${zhGroup(high)}万` : '';
  if (low > 0) text += `${high > 0 && low < 1000 ? '零' : ''}${zhGroup(low)}`;
  const jiao = Math.floor((hundredths % 100) / 10);
  const fen = hundredths % 10;
  const small = `${jiao ? `${digitsZh[jiao]}角` : ''}${fen ? `${digitsZh[fen]}分` : ''}`;
  return `${currencyZh}${text || '零'}元${small || '整'}`;
}
