import { type Exact, ONE, ZERO, add, div, exact, format, isZero, mul, parseDecimal, sum, toFen, toText } from './exact';
import type { AppliedRate, ExchangeRate, TaxFigure, TaxHeadInput, TaxLineInput, TaxProblem, TaxTables } from './types';

/**
 * 完税价格 of each goods line: the CIF value in 元. The declared price is converted at the month's
 * 计征汇率; freight and insurance come from the head's marks (率 per line, 单价 per tonne of gross
 * weight, 总价 allocated over the lines by their value in 元) as the 成交方式 requires; an insurance the
 * declaration does not give is 3‰ of goods price plus freight (海关审定进出口货物完税价格办法).
 * Sources and our readings: docs/taxes.md.
 */

/** Customs' rule for an insurance not known or not incurred: 3‰ of (goods price + freight). */
export const CUSTOMS_INSURANCE_RATE = exact(3n, 1000n);

const HUNDRED = exact(100n);
const TONNE_KG = exact(1000n);

export interface ValuedLine {
  goods: TaxFigure;
  freight: TaxFigure;
  insurance: TaxFigure;
  customsValue: TaxFigure;
  /** Exact 完税价格 rounded to the fen, null when not computed. */
  value: Exact | null;
}

/** The catalog elements (DecHead/DecList XML names) an amount and its currency are keyed in. */
interface AmountFields {
  amount: string;
  currency: string;
}

interface Converter {
  toYuan(amount: string, currency: string, fields: AmountFields, gNo?: number): Exact | null;
  /** The rate each currency was converted at (none for CNY nor for a currency without a rate). */
  used: ReadonlyMap<string, ExchangeRate>;
}

const FEE: AmountFields = { amount: 'FeeRate', currency: 'FeeCurr' };
const INSUR: AmountFields = { amount: 'InsurRate', currency: 'InsurCurr' };
const DECL: AmountFields = { amount: 'DeclTotal', currency: 'TradeCurr' };

function figure(
  amount: Exact | null,
  formula: string,
  inputs: Record<string, string>,
  rate: AppliedRate | null = null,
): TaxFigure {
  return { amount: amount === null ? null : format(amount), rate, formula, inputs };
}

/** The 计征汇率 a line's goods price was converted at, as its figure names it. */
function exchangeRateApplied(rate: ExchangeRate | undefined): AppliedRate | null {
  return rate
    ? { basis: 'exchangeRate', text: rate.rate, row: `${rate.currency} ${rate.month}`, source: rate.source }
    : null;
}

/** Converts with the month's 计征汇率, naming each rate used once (missing or older ones as problems). */
export function makeConverter(
  tables: TaxTables,
  month: string,
  problems: TaxProblem[],
): Converter & { used: Map<string, ExchangeRate> } {
  const used = new Map<string, ExchangeRate>();
  // Each currency's rate is looked up and read once per estimate, however many lines are in it; its problem,
  // missing or older, is named the first time.
  const read = new Map<string, Exact | null>([['CNY', ONE]]);
  const rateOf = (currency: string): Exact | null => {
    const known = read.get(currency);
    if (known !== undefined) return known;
    const rate = tables.exchangeRate(currency, month);
    const value = rate ? parseDecimal(rate.rate) : null;
    read.set(currency, value);
    if (!rate || !value) {
      problems.push({ code: 'taxes.exchangeRateMissing', severity: 'missing', params: { currency, month } });
      return null;
    }
    used.set(currency, rate);
    if (rate.month < month) {
      problems.push({
        code: 'taxes.exchangeRateOld',
        severity: 'note',
        params: { currency, month, rateMonth: rate.month },
      });
    }
    return value;
  };
  return {
    used,
    toYuan(amount, currency, fields, gNo) {
      const value = parseDecimal(amount);
      if (!value || value.n < 0n) {
        problems.push({
          code: 'taxes.amountInvalid',
          severity: 'missing',
          ...(gNo ? { gNo } : {}),
          params: { field: fields.amount, value: amount },
        });
        return null;
      }
      if (currency === '') {
        problems.push({
          code: 'taxes.amountInvalid',
          severity: 'missing',
          ...(gNo ? { gNo } : {}),
          params: { field: fields.currency, value: '' },
        });
        return null;
      }
      const rate = rateOf(currency);
      return rate === null ? null : mul(value, rate);
    },
  };
}

/** What the 成交方式 adds to the goods price to reach CIF. */
function needs(transMode: string): { freight: boolean; insurance: boolean } {
  switch (transMode) {
    case '2':
      return { freight: false, insurance: true };
    case '3':
    case '7':
      return { freight: true, insurance: true };
    case '4':
      return { freight: true, insurance: false };
    default:
      return { freight: false, insurance: false };
  }
}

/** A head total (总价 or a freight per tonne) in 元, or null with the reason recorded. */
function headTotal(
  mark: string,
  rate: string,
  curr: string,
  head: TaxHeadInput,
  conv: Converter,
  field: 'fee' | 'insur',
  problems: TaxProblem[],
): Exact | null {
  const fields = field === 'fee' ? FEE : INSUR;
  if (mark === '3') return conv.toYuan(rate, curr, fields);
  if (mark === '2' && field === 'fee') {
    const perTonne = conv.toYuan(rate, curr, fields);
    const gross = parseDecimal(head.grossWt);
    if (!gross) {
      problems.push({
        code: 'taxes.amountInvalid',
        severity: 'missing',
        params: { field: 'GrossWet', value: head.grossWt },
      });
      return null;
    }
    return perTonne === null ? null : mul(perTonne, div(gross, TONNE_KG));
  }
  problems.push({ code: 'taxes.feeInvalid', severity: 'missing', params: { field, mark } });
  return null;
}

export function valueLines(
  head: TaxHeadInput,
  lines: readonly TaxLineInput[],
  conv: Converter,
  problems: TaxProblem[],
  gNos: readonly number[] = lines.map((_, i) => i + 1),
): ValuedLine[] {
  const goods = lines.map((line, i) => conv.toYuan(line.declTotal, line.tradeCurr, DECL, gNos[i]));
  const known = goods.every((g) => g !== null);
  const total = known ? sum(goods as Exact[]) : null;
  const shareOf = (i: number): Exact | null => {
    const g = goods[i];
    if (!known || total === null || g === null || g === undefined) return null;
    return isZero(total) ? exact(1n, BigInt(lines.length)) : div(g, total);
  };
  if (head.transMode === '') problems.push({ code: 'taxes.transModeMissing', severity: 'missing', params: {} });
  if (head.transMode === '5' || head.transMode === '6') {
    problems.push({ code: 'taxes.transModeAsDeclared', severity: 'note', params: { transMode: head.transMode } });
  }
  const need = needs(head.transMode);
  const freightGiven = head.feeMark !== '' && head.feeRate !== '';
  const insurGiven = head.insurMark !== '' && head.insurRate !== '';
  if (need.freight && !freightGiven) problems.push({ code: 'taxes.freightMissing', severity: 'missing', params: {} });
  if (need.insurance && !insurGiven) {
    problems.push({ code: 'taxes.insuranceCustomsRule', severity: 'note', params: { rate: '0.3%' } });
  }
  const freightRate = need.freight && head.feeMark === '1' ? parseDecimal(head.feeRate) : null;
  const freightTotal =
    need.freight && freightGiven && head.feeMark !== '1'
      ? headTotal(head.feeMark, head.feeRate, head.feeCurr, head, conv, 'fee', problems)
      : null;
  const insurRate = need.insurance && insurGiven && head.insurMark === '1' ? parseDecimal(head.insurRate) : null;
  const insurTotal =
    need.insurance && insurGiven && head.insurMark !== '1'
      ? headTotal(head.insurMark, head.insurRate, head.insurCurr, head, conv, 'insur', problems)
      : null;
  if (need.freight && head.feeMark === '1' && freightGiven && !freightRate) {
    problems.push({
      code: 'taxes.amountInvalid',
      severity: 'missing',
      params: { field: 'FeeRate', value: head.feeRate },
    });
  }
  if (need.insurance && head.insurMark === '1' && insurGiven && !insurRate) {
    problems.push({
      code: 'taxes.amountInvalid',
      severity: 'missing',
      params: { field: 'InsurRate', value: head.insurRate },
    });
  }
  const allocated = (head.feeMark !== '1' && need.freight) || (head.insurMark !== '1' && need.insurance && insurGiven);
  if (allocated && !known && lines.length > 1) {
    problems.push({ code: 'taxes.allocationIncomplete', severity: 'missing', params: {} });
  }

  // What every line's figures name alike is worded once; a line's share of the value only where a head total is
  // allocated by it, and once for its freight and its insurance.
  const freightTotalText = freightTotal !== null ? format(freightTotal) : null;
  const insurTotalText = insurTotal !== null ? format(insurTotal) : null;
  const freightPercent = freightRate ? div(freightRate, HUNDRED) : null;
  const insurPercent = insurRate ? div(insurRate, HUNDRED) : null;
  const allocates = (need.freight && head.feeMark !== '1') || (need.insurance && insurGiven && head.insurMark !== '1');
  return lines.map((line, i) => {
    const g = goods[i] ?? null;
    const share = allocates ? shareOf(i) : null;
    const shareText = share !== null ? toText(share) : null;
    let freight: Exact | null = ZERO;
    let freightFig: TaxFigure | null = null;
    if (need.freight) {
      if (!freightGiven) freight = null;
      else if (head.feeMark === '1') freight = g !== null && freightPercent ? mul(g, freightPercent) : null;
      else freight = freightTotal !== null && share !== null ? mul(freightTotal, share) : null;
      const inputs: Record<string, string> = { mark: head.feeMark, given: head.feeRate };
      if (freightTotalText !== null) inputs.total = freightTotalText;
      if (shareText !== null && head.feeMark !== '1') inputs.share = shareText;
      freightFig = figure(freight, head.feeMark === '1' ? 'rateOfGoods' : 'allocatedByValue', inputs);
    }
    // Goods price plus freight: what insurance is reckoned on, and with it the 完税价格.
    const goodsAndFreight = g !== null && freight !== null ? add(g, freight) : null;
    let insurance: Exact | null = ZERO;
    let insurFig: TaxFigure | null = null;
    if (need.insurance) {
      const base = goodsAndFreight;
      if (!insurGiven) {
        insurance = base === null ? null : mul(base, CUSTOMS_INSURANCE_RATE);
        insurFig = figure(insurance, 'customsRule', { base: base === null ? '' : format(base), rate: '0.3%' });
      } else if (head.insurMark === '1') {
        insurance = base !== null && insurPercent ? mul(base, insurPercent) : null;
        insurFig = figure(insurance, 'rateOfGoodsAndFreight', {
          base: base === null ? '' : format(base),
          rate: `${head.insurRate}%`,
        });
      } else {
        insurance = insurTotal !== null && share !== null ? mul(insurTotal, share) : null;
        const inputs: Record<string, string> = { mark: head.insurMark, given: head.insurRate };
        if (insurTotalText !== null) inputs.total = insurTotalText;
        if (shareText !== null) inputs.share = shareText;
        insurFig = figure(insurance, 'allocatedByValue', inputs);
      }
    }
    const value =
      goodsAndFreight !== null && insurance !== null && head.transMode !== ''
        ? toFen(add(goodsAndFreight, insurance))
        : null;
    const inputs = { declTotal: line.declTotal, currency: line.tradeCurr };
    return {
      goods: figure(g, 'converted', inputs, exchangeRateApplied(conv.used.get(line.tradeCurr))),
      freight: freightFig ?? figure(ZERO, 'none', {}),
      insurance: insurFig ?? figure(ZERO, 'none', {}),
      customsValue: figure(value, 'cif', { transMode: head.transMode }),
      value,
    };
  });
}
