import { z } from 'zod';
import { parseRate } from './rate-text';
import tradeAgreementsJson from './trade-agreements.json' with { type: 'json' };

/**
 * The preferential trade agreements whose 协定税率 the estimate applies (the data: trade-agreements.json, checked on
 * loading): each one's 优惠贸易协定 code (the code a declaration's 原产地证明 names: EcoRelation Y + code, or 随附单证
 * Y <code>), the tag the handbook's tariff workbook writes its rates under (`<智利>0</智利>` in the 协定税率 column),
 * its name, and the origins that are parties to it (countries-table codes). Sources, per docs/taxes.md:
 * - codes 01–20: the official 2018 填制规范 (the built-in preferential-trade-agreements table, SPEC);
 *   codes 21–28: CargoWise's China reference data (its TradeGroupHelper lists 01–28 and agrees with the
 *   2018 spec on every code the spec has) — one third-party source, not an official text;
 * - members: a bilateral agreement's party is the partner its name gives; 亚太贸易协定: MOFCOM's FTA site
 *   (fta.mofcom.gov.cn, 2020-11: Bangladesh, India, Laos, Korea, Mongolia, Sri Lanka with China); 中国—东盟:
 *   the ten members the Form E certificate is issued for (Brunei … Vietnam).
 * RCEP (code 22) is left out: the workbook has no RCEP rates and its membership by date is not sourced here,
 * so a declaration claiming 22 is told its agreement rate was not applied (docs/taxes.md).
 */
export interface TradeAgreement {
  code: string;
  tag: string;
  nameZh: string;
  nameEn: string;
  members: readonly string[];
}

const agreementSchema = z
  .object({
    code: z.string().regex(/^\d{2}$/),
    tag: z.string().min(1),
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
    members: z.array(z.string().regex(/^[A-Z]{3}$/)).min(1),
  })
  .strict();

/**
 * The agreements as trade-agreements.json lists them, refused whole when a row is malformed, a code or tag comes twice
 * (the later would silently stand for both) or the codes are out of order (agreementsOfOrigin answers in code order).
 */
export function loadTradeAgreements(data: unknown): readonly TradeAgreement[] {
  const parsed = z
    .array(agreementSchema)
    .superRefine((rows, ctx) => {
      rows.forEach((row, i) => {
        const before = rows[i - 1];
        if (before && before.code >= row.code)
          ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${row.code} after ${before.code}` });
        if (rows.findIndex((other) => other.tag === row.tag) !== i)
          ctx.addIssue({ code: 'custom', path: [i, 'tag'], message: `${row.tag} twice` });
      });
    })
    .safeParse(data);
  if (!parsed.success) throw new Error(`shared/taxes/trade-agreements.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const tradeAgreements = loadTradeAgreements(tradeAgreementsJson);

const byCode = new Map(tradeAgreements.map((a) => [a.code, a]));
const byTag = new Map(tradeAgreements.map((a) => [a.tag, a]));
const byOrigin = new Map<string, TradeAgreement[]>();
for (const a of tradeAgreements) for (const m of a.members) byOrigin.set(m, [...(byOrigin.get(m) ?? []), a]);

export const agreementByCode = (code: string): TradeAgreement | undefined => byCode.get(code);
/** The agreements an origin is a party to, in code order. */
export const agreementsOfOrigin = (country: string): readonly TradeAgreement[] => byOrigin.get(country) ?? [];

/** Why a tag's value is not kept as a rate. */
export type SkippedReason = 'quota' | 'unreadable' | 'unknownTag';

export interface ParsedAgreementRates {
  /** 优惠贸易协定 code → rate text the estimate reads (`5%`, `0.2元/千克` …). */
  rates: Record<string, string>;
  skipped: { tag: string; value: string; reason: SkippedReason }[];
}

// One tag: <名>value</名>, the same name closing it. A value may hold '>' (计税价格>2000美元/台), never '<'.
const TAG = /<([^<>/]+)>([^<]*)<\/\1>/g;

/**
 * The 协定税率 cell as the tariff workbook writes it — `<亚太></亚太><智利>0</智利><巴基斯坦>1.5</巴基斯坦>…`,
 * one tag per agreement, a bare number meaning per cent, an empty tag no rate — as rates by agreement code.
 * The source wraps long texts with spaces (`0元/千 克`), which are dropped. A 关税配额 (quota) rate is not an
 * agreement rate the estimate applies, nor a text it cannot read (a band priced in 美元); both are skipped and
 * reported, as is a tag no agreement has.
 */
export function parseAgreementTags(cell: string): ParsedAgreementRates {
  const out: ParsedAgreementRates = { rates: {}, skipped: [] };
  for (const m of cell.matchAll(TAG)) {
    const tag = (m[1] ?? '').trim();
    const value = (m[2] ?? '').replace(/\s+/g, '');
    if (value === '') continue;
    const agreement = byTag.get(tag);
    if (!agreement) out.skipped.push({ tag, value, reason: 'unknownTag' });
    else if (value.startsWith('关税配额')) out.skipped.push({ tag, value, reason: 'quota' });
    else {
      const text = /^\d+(\.\d+)?$/.test(value) ? `${value}%` : value;
      if (parseRate(text)) out.rates[agreement.code] = text;
      else out.skipped.push({ tag, value, reason: 'unreadable' });
    }
  }
  // Text outside any tag (a tag left open, a stray word) is reported, never silently dropped.
  const rest = cell.replace(TAG, '').trim();
  if (rest !== '') out.skipped.push({ tag: '', value: rest, reason: 'unreadable' });
  return out;
}

/** Rates by agreement code as the tariff's `agreement_rates` column writes them: `02:5%;08:0%`, in code order. */
export function formatAgreementRates(rates: Readonly<Record<string, string>>): string {
  return Object.keys(rates)
    .sort()
    .map((code) => `${code}:${rates[code] ?? ''}`)
    .join(';');
}

/**
 * An imported tariff's 协定税率 cell in either form — the workbook's tags or our `02:5%;08:0%` — as the
 * column's form, or null when it cannot be read whole: text outside the tags, a tag no agreement has (its
 * rates would be lost without a word), an agreement code that is not two digits, a rate the estimate cannot
 * read. Quota and 美元-banded rates in tags are left out as the built-in tariff leaves them out.
 */
export function normalizeAgreementRates(cell: string): string | null {
  const text = cell.trim();
  if (text === '') return '';
  if (text.startsWith('<')) {
    const parsed = parseAgreementTags(text);
    const lost = parsed.skipped.some((s) => s.reason === 'unknownTag' || s.tag === '');
    return lost ? null : formatAgreementRates(parsed.rates);
  }
  const rates: Record<string, string> = {};
  for (const part of text.split(/[;；]/).filter((p) => p.trim() !== '')) {
    const m = /^\s*(\d{2})\s*[:：]\s*(.+?)\s*$/.exec(part);
    if (!m?.[1] || !m[2] || !parseRate(m[2])) return null;
    rates[m[1]] = m[2];
  }
  return formatAgreementRates(rates);
}
