import { z } from 'zod';
import type { TaxEstimate, TaxProblemCode } from './types';

/**
 * The 税费单 as it crosses the wire (the hub's receipt after release) and is read back from the desk's store:
 * the estimate's own shape (./types.ts), checked field by field so a malformed bill is refused by name.
 */

const money = z.string().regex(/^-?\d+\.\d{2}$/);
const source = z.object({ table: z.string(), version: z.string(), asOf: z.string() });
const basis = z.enum(['provisional', 'mfn', 'agreement', 'general', 'consumption', 'vat', 'exchangeRate']);
const rate = z.object({
  basis,
  text: z.string(),
  agreement: z.string().optional(),
  over: z.object({ basis, text: z.string() }).optional(),
  row: z.string(),
  source,
});
const figure = z.object({
  amount: money.nullable(),
  rate: rate.nullable(),
  formula: z.string(),
  inputs: z.record(z.string(), z.string()),
});
const total = z.object({ computed: money, complete: z.boolean(), payable: money });

export const taxBillSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  month: z.string(),
  lines: z
    .array(
      z.object({
        gNo: z.number().int().min(1),
        codeTs: z.string(),
        goods: figure,
        freight: figure,
        insurance: figure,
        customsValue: figure,
        duty: figure,
        consumption: figure,
        vat: figure,
      }),
    )
    .max(1000),
  totals: z.object({ duty: total, consumption: total, vat: total }),
  problems: z.array(
    z.object({
      code: z.string().startsWith('taxes.') as z.ZodType<TaxProblemCode>,
      severity: z.enum(['missing', 'note']),
      gNo: z.number().int().optional(),
      params: z.record(z.string(), z.string()),
    }),
  ),
}) satisfies z.ZodType<TaxEstimate>;
