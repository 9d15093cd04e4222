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
  form: RateForm;
  specificQty: Exact | null;
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
    if (holds) return { form: band.form, band: band.label };
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
  return { amount: toFen(amount), form, specificQty, band };
}

function formulaOf(c: Computed): string {
  if (c.form.adValorem && c.form.specific) return 'compound';
  return c.form.specific ? 'specific' : 'adValorem';
}

/** The duty's inputs; `base` is the 完税价格 as text, worded once for the line's three taxes. */
function inputsOf(base: string, c: Computed): Record<string, string> {
  const inputs: Record<string, string> = { base };
  if (c.form.adValoremText !== null) inputs.adValorem = c.form.adValoremText;
  if (c.form.specific) inputs.perUnit = c.form.specific.perUnitText;
  if (c.specificQty) inputs.qty = toText(c.specificQty);
  if (c.band) inputs.band = c.band;
  return inputs;
}

export interface LineTaxes {
  duty: TaxFigure;
  consumption: TaxFigure;
  vat: TaxFigure;
  amounts: Record<TaxKind, Exact | null>;
}

function missing(formula: string): TaxFigure {
  return { amount: null, rate: null, formula, inputs: {} };
}

/** A line with no taxes worked out, made only when a line has none. */
function none(): LineTaxes {
  return {
    duty: missing('adValorem'),
    consumption: missing('composite'),
    vat: missing('adValoremOnSum'),
    amounts: { duty: null, consumption: null, vat: null },
  };
}

function applied(basis: RateBasis, text: string, tariff: TariffRates, agreement?: string): AppliedRate {
  const rate: AppliedRate = { basis, text, row: tariff.code, source: tariff.source };
  if (agreement) rate.agreement = agreement;
  return rate;
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

/** What a line's three taxes share: its 完税价格, that as text, and its legal quantities. */
interface Base {
  value: Exact;
  text: string;
  qs: readonly Quantity[];
}

function duty(ctx: Ctx, line: TaxLineInput, tariff: TariffRates, b: Base, general: boolean, agreement: string) {
  const { value, qs } = b;
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
  // An agreement rate lower than the one levied, which the origin would have with its certificate declared:
  // each agreement the origin is a party to that gives this line a rate.
  if (!general && agreement === '')
    for (const a of agreementsOfOrigin(country)) {
      const text = tariff.agreements[a.code] ?? '';
      const rate = text.trim() === '' ? null : parseRate(text);
      const c = rate ? dutyAmount(rate, value, qs) : null;
      if (c && !('problem' in c) && cmp(c.amount, best.c.amount) < 0)
        notApplied(ctx, a.code, 'notDeclared', { text, country });
    }
  const text = format(best.c.amount);
  const rate = applied(best.cand.basis, best.cand.text, tariff, best.cand.agreement);
  // An agreement rate levied was lower than the provisional or MFN rate, the first candidate: the figure names both.
  const beaten = candidates[0];
  if (best.cand === claimed && beaten && beaten !== claimed) rate.over = { basis: beaten.basis, text: beaten.text };
  const figure: TaxFigure = {
    amount: text,
    rate,
    formula: formulaOf(best.c),
    inputs: inputsOf(b.text, best.c),
  };
  return { figure, amount: best.c.amount, text };
}

type Levied = { amount: Exact; text: string };

/** 消费税: (完税价格 + 关税 + qty × per unit) ÷ (1 − rate) × rate + qty × per unit. */
function consumption(ctx: Ctx, tariff: TariffRates, b: Base, duty: Levied) {
  const rate = readRate(ctx, 'consumption', tariff.consumption, 'consumption');
  if (!rate) return null;
  const { value, qs } = b;
  const dutyAmt = duty.amount;
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
  const inputs: Record<string, string> = { base: b.text, duty: duty.text };
  if (form.adValoremText !== null) {
    inputs.adValorem = form.adValoremText;
    inputs.composite = format(composite);
  }
  if (form.specific) {
    inputs.perUnit = form.specific.perUnitText;
    inputs.qty = qty ? toText(qty) : '';
  }
  if (chosen.band) inputs.band = chosen.band;
  const text = format(amount);
  const figure: TaxFigure = {
    amount: text,
    rate: applied('consumption', tariff.consumption, tariff),
    formula:
      form.specific && form.adValorem && adv.n !== 0n ? 'compositeCompound' : form.specific ? 'specific' : 'composite',
    inputs,
  };
  return { figure, amount, text };
}

/** 增值税: (完税价格 + 关税 + 消费税) × rate. */
function vat(ctx: Ctx, tariff: TariffRates, b: Base, duty: Levied, cons: Levied) {
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
  const base = add(add(b.value, duty.amount), cons.amount);
  const amount = toFen(mul(base, rate.form.adValorem));
  const figure: TaxFigure = {
    amount: format(amount),
    rate: applied('vat', tariff.vat, tariff),
    formula: 'adValoremOnSum',
    inputs: {
      base: b.text,
      duty: duty.text,
      consumption: cons.text,
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
  if (!tariff || value === null) return none();
  const b: Base = { value, text: format(value), qs: quantities(line) };
  const d = duty(ctx, line, tariff, b, options.general, options.agreement);
  if (!d) {
    dependsOnMissing(ctx, 'consumption', 'duty');
    return none();
  }
  const c = consumption(ctx, tariff, b, d);
  if (!c) {
    dependsOnMissing(ctx, 'vat', 'consumption');
    return { ...none(), duty: d.figure, amounts: { duty: d.amount, consumption: null, vat: null } };
  }
  const v = vat(ctx, tariff, b, d, c);
  return {
    duty: d.figure,
    consumption: c.figure,
    vat: v?.figure ?? missing('adValoremOnSum'),
    amounts: { duty: d.amount, consumption: c.amount, vat: v?.amount ?? null },
  };
}
