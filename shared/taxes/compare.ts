import type { TaxEstimate, TaxKind } from './types';

/**
 * The 税费单 customs sent beside the desk's estimate, line by line (by 项号) and tax by tax: each figure of the bill
 * with the estimate's, and whether they differ. A figure one side could not compute (null) differs from one the
 * other did; a line only one side has differs in every figure.
 */

export type ComparedFigure = 'customsValue' | TaxKind;
export const COMPARED: readonly ComparedFigure[] = ['customsValue', 'duty', 'consumption', 'vat'];

export interface FigurePair {
  bill: string | null;
  estimate: string | null;
  differs: boolean;
}

export interface LineComparison {
  gNo: number;
  codeTs: string;
  figures: Record<ComparedFigure, FigurePair>;
  differs: boolean;
}

export interface BillComparison {
  lines: LineComparison[];
  /** What is payable per tax, on the bill and in the estimate. */
  payable: Record<TaxKind, FigurePair>;
  /** How many figures differ (lines and totals). */
  differences: number;
  /**
   * How many of the lines' figures either side computed: none when neither could compute any (no 计征汇率, no 成交方式),
   * and then the payable 0.00 on both sides is no agreement to speak of.
   */
  computed: number;
}

const pair = (bill: string | null, estimate: string | null): FigurePair => ({
  bill,
  estimate,
  differs: bill !== estimate,
});

export function compareBill(bill: TaxEstimate, estimate: TaxEstimate | null): BillComparison {
  const estimated = new Map((estimate?.lines ?? []).map((l) => [l.gNo, l]));
  const numbers = [...new Set([...bill.lines.map((l) => l.gNo), ...estimated.keys()])].sort((a, b) => a - b);
  const billed = new Map(bill.lines.map((l) => [l.gNo, l]));
  let differences = 0;
  let computed = 0;
  const lines = numbers.map((gNo): LineComparison => {
    const b = billed.get(gNo);
    const e = estimated.get(gNo);
    const figures = Object.fromEntries(
      COMPARED.map((k) => [k, pair(b?.[k].amount ?? null, e?.[k].amount ?? null)]),
    ) as Record<ComparedFigure, FigurePair>;
    const count = COMPARED.filter((k) => figures[k].differs).length;
    differences += count;
    computed += COMPARED.filter((k) => figures[k].bill !== null || figures[k].estimate !== null).length;
    return { gNo, codeTs: b?.codeTs ?? e?.codeTs ?? '', figures, differs: count > 0 };
  });
  const payable = {
    duty: pair(bill.totals.duty.payable, estimate?.totals.duty.payable ?? null),
    consumption: pair(bill.totals.consumption.payable, estimate?.totals.consumption.payable ?? null),
    vat: pair(bill.totals.vat.payable, estimate?.totals.vat.payable ?? null),
  };
  differences += Object.values(payable).filter((p) => p.differs).length;
  return { lines, payable, differences, computed };
}
