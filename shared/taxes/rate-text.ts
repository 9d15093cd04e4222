import { type Exact, div, mul, parseDecimal, toText } from './exact';

/**
 * The tariff's rates are the source's text (`13%`, `0.8元/千克`, `20%+0.912元/升`, and price-banded
 * texts such as `完税价大于等于10000元：15%，完税价小于10000元：0。`). This reads them into parts the
 * estimate computes with; a text it cannot read is refused (null), never taken as zero.
 */

/** The units a specific rate is written in, by name, to the 计量单位 codes of the legal quantities. */
export const RATE_UNITS: Readonly<Record<string, string>> = {
  千克: '035',
  克: '036',
  吨: '070',
  升: '095',
  毫升: '096',
  平方米: '032',
  立方米: '033',
};

export interface SpecificPart {
  /** 元 per unit. */
  perUnit: Exact;
  /** perUnit as the figures' inputs write it (`0.912`). */
  perUnitText: string;
  /** 计量单位 code. */
  unit: string;
  unitName: string;
}

export interface RateForm {
  /** A fraction (13% → 0.13); null when the rate has no ad valorem part. */
  adValorem: Exact | null;
  /** adValorem as the figures' inputs write it (`13%`); null with it. */
  adValoremText: string | null;
  specific: SpecificPart | null;
}

export type BandOp = '>=' | '<' | '<=' | '>';

export interface RateBand {
  op: BandOp;
  /** 完税价 threshold in 元, per unit when `unit` is set, else per legal quantity's unit. */
  threshold: Exact;
  unit: string | null;
  unitName: string | null;
  form: RateForm;
  /** The band as a figure names it: `>=10000`, `<=7.5/千克`. */
  label: string;
}

export type ParsedRate =
  { kind: 'simple'; text: string; form: RateForm } | { kind: 'banded'; text: string; bands: RateBand[] };

const PERCENT = /^(\d+(?:\.\d+)?)%$/;
const SPECIFIC = /^(\d+(?:\.\d+)?)元\/(.+)$/;

function parseForm(text: string): RateForm | null {
  const parts = text.split('+').map((p) => p.trim());
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  let adValorem: Exact | null = null;
  let specific: SpecificPart | null = null;
  for (const part of parts) {
    const pct = PERCENT.exec(part);
    const spec = SPECIFIC.exec(part);
    const bare = parseDecimal(part);
    if (pct?.[1] && adValorem === null) {
      const value = parseDecimal(pct[1]);
      if (!value) return null;
      adValorem = div(value, { n: 100n, d: 1n });
    } else if (spec?.[1] && spec[2] && specific === null) {
      const unit = RATE_UNITS[spec[2]];
      const perUnit = parseDecimal(spec[1]);
      if (!unit || !perUnit) return null;
      specific = { perUnit, perUnitText: toText(perUnit), unit, unitName: spec[2] };
    } else if (bare && bare.n === 0n && parts.length === 1) {
      // The source writes a nil band as a bare 0 (…完税价小于10000元：0。).
      adValorem = bare;
    } else {
      return null;
    }
  }
  // The texts a figure shows are worded here, once per rate text, not on every line the rate is applied to.
  const adValoremText = adValorem ? `${toText(mul(adValorem, { n: 100n, d: 1n }))}%` : null;
  return { adValorem, adValoremText, specific };
}

const OPS: Readonly<Record<string, BandOp>> = {
  大于等于: '>=',
  不低于: '>=',
  小于: '<',
  低于: '<',
  不高于: '<=',
  高于: '>',
  大于: '>',
};
const BAND = /^完税价(大于等于|不低于|小于|低于|不高于|高于|大于)(\d+(?:\.\d+)?)元(?:\/(.+?))?[:：](.+)$/;

function parseBand(text: string): RateBand | null {
  const match = BAND.exec(text.trim());
  if (!match?.[1] || !match[2] || !match[4]) return null;
  const op = OPS[match[1]];
  const threshold = parseDecimal(match[2]);
  const unitName = match[3] ?? null;
  const unit = unitName === null ? null : (RATE_UNITS[unitName] ?? undefined);
  const form = parseForm(match[4].trim());
  if (!op || !threshold || unit === undefined || !form) return null;
  return { op, threshold, unit, unitName, form, label: `${op}${toText(threshold)}${unitName ? `/${unitName}` : ''}` };
}

// The tariff has a few hundred distinct rate texts; the estimate runs as the broker types.
const parsed = new Map<string, ParsedRate | null>();

/** Reads a rate text; null when it is empty or not in a form this knows. */
export function parseRate(text: string): ParsedRate | null {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const result = readRate(text);
  if (parsed.size < 10_000) parsed.set(text, result);
  return result;
}

function readRate(text: string): ParsedRate | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('完税价')) {
    const pieces = trimmed
      .replace(/[。.]$/, '')
      .split(/[，,；;]/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const bands = pieces.map(parseBand);
    if (bands.length < 2 || bands.some((b) => b === null)) return null;
    return { kind: 'banded', text: trimmed, bands: bands as RateBand[] };
  }
  const form = parseForm(trimmed);
  return form ? { kind: 'simple', text: trimmed, form } : null;
}
