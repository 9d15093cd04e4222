import { agreementByCode, agreementsOfOrigin } from './agreements';
import { type Exact, ONE, ZERO, add, cmp, div, format, mul, parseDecimal, sub, toFen, toText } from './exact';
import { type ParsedRate, type RateBand, type RateForm, parseRate } from './rate-text';
import type { AppliedRate, RateBasis, TariffRates, TaxFigure, TaxKind, TaxLineInput, TaxProblem } from './types';

/**
 * One goods line's 关税, 进口环节消费税 and 增值税 from its 完税价格 (docs/taxes.md has the rules and
 * their sources). Each tax is rounded to the fen on the line, and the next tax builds on the rounded
 * figure, as the customs 税费单 prints them.
 */

interface Quantity {
  unit: string;
  qty: Exact;
}

function quantities(line: TaxLineInput): Quantity[] {
  const out: Quantity[] = [];
  const first = parseDecimal(line.firstQty);
  const second = parseDecimal(line.secondQty);
  if (line.firstUnit !== '' && first) out.push({ unit: line.firstUnit, qty: first });
  if (line.secondUnit !== '' && second) out.push({ unit: line.secondUnit, qty: second });
  return out;
}

type Computed = {
  amount: Exact;
  specificQty: Exact | null;
  adValorem: Exact | null;
  perUnit: Exact | null;
  band: string | null;
};
type Failure = { problem: 'taxes.quantityMissing'; unit: string };

function qtyIn(unit: string, qs: readonly Quantity[]): Exact | null {
  return qs.find((q) => q.unit === unit)?.qty ?? null;
}

function bandHolds(band: RateBand, value: Exact, qs: readonly Quantity[]): boolean | Failure {
  const unit = band.unit ?? qs[0]?.unit ?? null;
  if (unit === null) return { problem: 'taxes.quantityMissing', unit: '' };
  const qty = qtyIn(unit, qs);
  if (qty === null || qty.n === 0n) return { problem: 'taxes.quantityMissing', unit };
  const c = cmp(div(value, qty), band.threshold);
  return band.op === '>=' ? c >= 0 : band.op === '>' ? c > 0 : band.op === '<' ? c < 0 : c <= 0;
}

/** The form that applies: the rate itself, or the band the 完税价 per unit falls in. */
function formFor(
  rate: ParsedRate,
  value: Exact,
  qs: readonly Quantity[],
): { form: RateForm; band: string | null } | Failure {
  if (rate.kind === 'simple') return { form: rate.form, band: null };
  for (const band of rate.bands) {
    const holds = bandHolds(band, value, qs);
    if (typeof holds === 'object') return holds;
    if (holds)
      return {
        form: band.form,
        band: `${band.op}${toText(band.threshold)}${band.unitName ? `/${band.unitName}` : ''}`,
      };
  }
  return { problem: 'taxes.quantityMissing', unit: '' };
}

/** Duty from a rate: ad valorem × 完税价格 plus per unit × quantity in the rate's unit. */
function dutyAmount(rate: ParsedRate, value: Exact, qs: readonly Quantity[]): Computed | Failure {
  const chosen = formFor(rate, value, qs);
  if ('problem' in chosen) return chosen;
  const { form, band } = chosen;
  let amount = form.adValorem ? mul(value, form.adValorem) : ZERO;
  let specificQty: Exact | null = null;
  if (form.specific) {
    specificQty = qtyIn(form.specific.unit, qs);
    if (specificQty === null) return { problem: 'taxes.quantityMissing', unit: form.specific.unit };
    amount = add(amount, mul(form.specific.perUnit, specificQty));
  }
  return {
    amount: toFen(amount),
    specificQty,
    adValorem: form.adValorem,
    perUnit: form.specific?.perUnit ?? null,
    band,
  };
}

function formulaOf(c: Computed): string {
  if (c.adValorem && c.perUnit) return 'compound';
  return c.perUnit ? 'specific' : 'adValorem';
}

function inputsOf(value: Exact, c: Computed): Record<string, string> {
  return {
    base: format(value),
    ...(c.adValorem ? { adValorem: `${toText(mul(c.adValorem, exact100))}%` } : {}),
    ...(c.perUnit ? { perUnit: toText(c.perUnit) } : {}),
    ...(c.specificQty ? { qty: toText(c.specificQty) } : {}),
    ...(c.band ? { band: c.band } : {}),
  };
}
const exact100 = { n: 100n, d: 1n };

export interface LineTaxes {
  duty: TaxFigure;
  consumption: TaxFigure;
  vat: TaxFigure;
  amounts: Record<TaxKind, Exact | null>;
}

function missing(formula: string): TaxFigure {
  return { amount: null, rate: null, formula, inputs: {} };
}

function applied(basis: RateBasis, text: string, tariff: TariffRates, agreement?: string): AppliedRate {
  return { basis, text, row: tariff.code, source: tariff.source, ...(agreement ? { agreement } : {}) };
}

interface Ctx {
  gNo: number;
  problems: TaxProblem[];
}

function readRate(ctx: Ctx, tax: TaxKind, text: string, basis: RateBasis): ParsedRate | null {
  if (text.trim() === '') {
    ctx.problems.push({ code: 'taxes.rateMissing', severity: 'missing', gNo: ctx.gNo, params: { tax, basis } });
    return null;
  }
  const rate = parseRate(text);
  if (!rate)
    ctx.problems.push({
      code: 'taxes.rateUnreadable',
      severity: 'missing',
      gNo: ctx.gNo,
      params: { tax, basis, text },
    });
  return rate;
}

function notApplied(ctx: Ctx, agreement: string, reason: string, params: Record<string, string> = {}): null {
  ctx.problems.push({
    code: 'taxes.agreementNotApplied',
    severity: 'note',
    gNo: ctx.gNo,
    params: { agreement, reason, ...params },
  });
  return null;
}

type Candidate = { basis: RateBasis; text: string; agreement?: string };

/**
 * The agreement rate the line may have (从低适用 with the provisional or MFN rate), or why it has none: the
 * declared 优惠贸易协定 is one the estimate knows, the line's origin is a party to it, the tariff gives this
 * line a rate under it that can be read. A line whose origin is a party to an agreement with a rate here
 * while the declaration names none is told so: the rate is not applied without the origin certificate.
 */
function agreementCandidate(ctx: Ctx, line: TaxLineInput, tariff: TariffRates, declared: string): Candidate | null {
  const country = line.originCountry;
  const agreement = agreementByCode(declared);
  if (!agreement) return notApplied(ctx, declared, 'unknown');
  if (!agreement.members.includes(country)) return notApplied(ctx, declared, 'notMember', { country });
  const text = tariff.agreements[declared];
  if (text === undefined || text.trim() === '') return notApplied(ctx, declared, 'noRate', { country });
  if (!parseRate(text)) return notApplied(ctx, declared, 'unreadable', { country, text });
  return { basis: 'agreement', text, agreement: declared };
}

/** With no 优惠贸易协定 declared: the agreements the origin is a party to that give this line a rate. */
function undeclared(line: TaxLineInput, tariff: TariffRates): Candidate[] {
  return agreementsOfOrigin(line.originCountry)
    .map((a) => ({ basis: 'agreement' as const, text: tariff.agreements[a.code] ?? '', agreement: a.code }))
    .filter((c) => c.text.trim() !== '' && parseRate(c.text) !== null);
}

function duty(ctx: Ctx, line: TaxLineInput, tariff: TariffRates, value: Exact, general: boolean, agreement: string) {
  const qs = quantities(line);
  const candidates: Candidate[] = [];
  if (general) candidates.push({ basis: 'general', text: tariff.general });
  else {
    const base = tariff.provisional.trim() !== '' ? 'provisional' : 'mfn';
    candidates.push({ basis: base, text: base === 'provisional' ? tariff.provisional : tariff.mfn });
    const agreed = agreement === '' ? null : agreementCandidate(ctx, line, tariff, agreement);
    if (agreed) candidates.push(agreed);
  }
  // Agreement and provisional (or MFN) rates both apply: the lower duty is levied (从低适用).
  let best: { c: Computed; cand: (typeof candidates)[number] } | null = null;
  for (const cand of candidates) {
    const rate = readRate(ctx, 'duty', cand.text, cand.basis);
    if (!rate) return null;
    const c = dutyAmount(rate, value, qs);
    if ('problem' in c) {
      ctx.problems.push({ code: c.problem, severity: 'missing', gNo: ctx.gNo, params: { tax: 'duty', unit: c.unit } });
      return null;
    }
    if (!best || cmp(c.amount, best.c.amount) < 0) best = { c, cand };
  }
  if (!best) return null;
  const country = line.originCountry;
  const claimed = candidates.find((c) => c.basis === 'agreement');
  if (claimed && best.cand !== claimed)
    notApplied(ctx, claimed.agreement ?? '', 'notLower', { text: claimed.text, country });
  // An agreement rate lower than the one levied, which the origin would have with its certificate declared.
  if (!general && agreement === '')
    for (const cand of undeclared(line, tariff)) {
      const rate = parseRate(cand.text);
      const c = rate ? dutyAmount(rate, value, qs) : null;
      if (c && !('problem' in c) && cmp(c.amount, best.c.amount) < 0)
        notApplied(ctx, cand.agreement ?? '', 'notDeclared', { text: cand.text, country });
    }
  const figure: TaxFigure = {
    amount: format(best.c.amount),
    rate: applied(best.cand.basis, best.cand.text, tariff, best.cand.agreement),
    formula: formulaOf(best.c),
    inputs: inputsOf(value, best.c),
  };
  return { figure, amount: best.c.amount };
}

/** 消费税: (完税价格 + 关税 + qty × per unit) ÷ (1 − rate) × rate + qty × per unit. */
function consumption(ctx: Ctx, line: TaxLineInput, tariff: TariffRates, value: Exact, dutyAmt: Exact) {
  const rate = readRate(ctx, 'consumption', tariff.consumption, 'consumption');
  if (!rate) return null;
  const qs = quantities(line);
  const chosen = formFor(rate, value, qs);
  if ('problem' in chosen) {
    ctx.problems.push({
      code: chosen.problem,
      severity: 'missing',
      gNo: ctx.gNo,
      params: { tax: 'consumption', unit: chosen.unit },
    });
    return null;
  }
  const { form } = chosen;
  let specific = ZERO;
  let qty: Exact | null = null;
  if (form.specific) {
    qty = qtyIn(form.specific.unit, qs);
    if (qty === null) {
      ctx.problems.push({
        code: 'taxes.quantityMissing',
        severity: 'missing',
        gNo: ctx.gNo,
        params: { tax: 'consumption', unit: form.specific.unit },
      });
      return null;
    }
    specific = mul(form.specific.perUnit, qty);
  }
  const adv = form.adValorem ?? ZERO;
  const composite = div(add(add(value, dutyAmt), specific), sub(ONE, adv));
  const amount = toFen(add(mul(composite, adv), specific));
  const figure: TaxFigure = {
    amount: format(amount),
    rate: applied('consumption', tariff.consumption, tariff),
    formula:
      form.specific && form.adValorem && adv.n !== 0n ? 'compositeCompound' : form.specific ? 'specific' : 'composite',
    inputs: {
      base: format(value),
      duty: format(dutyAmt),
      ...(form.adValorem ? { adValorem: `${toText(mul(adv, exact100))}%`, composite: format(composite) } : {}),
      ...(form.specific ? { perUnit: toText(form.specific.perUnit), qty: qty ? toText(qty) : '' } : {}),
      ...(chosen.band ? { band: chosen.band } : {}),
    },
  };
  return { figure, amount };
}

/** 增值税: (完税价格 + 关税 + 消费税) × rate. */
function vat(ctx: Ctx, tariff: TariffRates, value: Exact, dutyAmt: Exact, consAmt: Exact) {
  const rate = readRate(ctx, 'vat', tariff.vat, 'vat');
  if (!rate) return null;
  if (rate.kind !== 'simple' || rate.form.specific || !rate.form.adValorem) {
    ctx.problems.push({
      code: 'taxes.rateUnreadable',
      severity: 'missing',
      gNo: ctx.gNo,
      params: { tax: 'vat', basis: 'vat', text: tariff.vat },
    });
    return null;
  }
  const base = add(add(value, dutyAmt), consAmt);
  const amount = toFen(mul(base, rate.form.adValorem));
  const figure: TaxFigure = {
    amount: format(amount),
    rate: applied('vat', tariff.vat, tariff),
    formula: 'adValoremOnSum',
    inputs: {
      base: format(value),
      duty: format(dutyAmt),
      consumption: format(consAmt),
      sum: format(base),
      adValorem: tariff.vat,
    },
  };
  return { figure, amount };
}

/** A tax that cannot be worked out because the one it is levied on could not be. */
function dependsOnMissing(ctx: Ctx, tax: 'consumption' | 'vat', on: 'duty' | 'consumption'): void {
  ctx.problems.push({ code: 'taxes.dependsOnMissing', severity: 'missing', gNo: ctx.gNo, params: { tax, on } });
}

export function lineTaxes(
  ctx: Ctx,
  line: TaxLineInput,
  tariff: TariffRates | undefined,
  value: Exact | null,
  options: { general: boolean; agreement: string },
): LineTaxes {
  const none: LineTaxes = {
    duty: missing('adValorem'),
    consumption: missing('composite'),
    vat: missing('adValoremOnSum'),
    amounts: { duty: null, consumption: null, vat: null },
  };
  if (!tariff || value === null) return none;
  const d = duty(ctx, line, tariff, value, options.general, options.agreement);
  if (!d) {
    dependsOnMissing(ctx, 'consumption', 'duty');
    return none;
  }
  const c = consumption(ctx, line, tariff, value, d.amount);
  if (!c) {
    dependsOnMissing(ctx, 'vat', 'consumption');
    return { ...none, duty: d.figure, amounts: { duty: d.amount, consumption: null, vat: null } };
  }
  const v = vat(ctx, tariff, value, d.amount, c.amount);
  return {
    duty: d.figure,
    consumption: c.figure,
    vat: v?.figure ?? missing('adValoremOnSum'),
    amounts: { duty: d.amount, consumption: c.amount, vat: v?.amount ?? null },
  };
}
