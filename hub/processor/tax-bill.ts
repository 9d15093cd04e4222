import { twoStepModeOf } from '../../shared/catalog';
import type { DecPayload } from '../../shared/protocol';
import { estimateTaxes } from '../../shared/taxes/estimate';
import { taxInputFromDoc } from '../../shared/taxes/from-doc';
import { taxDateOf } from '../../shared/taxes/tax-date';
import type { TaxEstimate, TaxTables } from '../../shared/taxes/types';
import type { PlanStep } from '../store/types';

/**
 * The 税费单 of an accepted import: the desk's estimate code run on the declaration as signed, with the
 * tariff and 计征汇率 the hub serves, as of the day the hub accepts it (the rates in force on the day of
 * acceptance apply). Null for an export (no export duties are computed), and null for a 概要申报: a 两步申报 is
 * billed once, on its 完整申报. The handbook's receipts of the 概要 step (DOMAIN.md §2.3, SpL … SpK) run from 入库
 * to 提货放行 with no 需交税费 among them, and the 完整 is the declaration that carries every figure a bill is
 * reckoned from; billing both charged the same goods twice.
 */
export function taxBillFor(payload: DecPayload, tables: TaxTables, now: number): TaxEstimate | null {
  if (payload.ieFlag !== 'I' || twoStepModeOf(payload.doc.head.Type) === 'summary') return null;
  return estimateTaxes({ ...taxInputFromDoc(payload.doc), date: taxDateOf(null, now) }, tables);
}

/**
 * The plan with the bill on its T 需交税费 receipt, which planFor places when told the submission is billed. A plan
 * that stops (E/Z/H) has no T and carries none.
 */
export function withTaxBill(plan: readonly PlanStep[], bill: TaxEstimate | null): PlanStep[] {
  const index = plan.findIndex((s) => s.channel === 'T');
  return plan.map((s, i) => (bill && i === index ? { ...s, taxBill: bill } : s));
}
