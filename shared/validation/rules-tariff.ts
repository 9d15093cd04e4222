import type { Row } from '../catalog';
import type { TariffInfo } from '../code-tables/tariff';
import type { CheckContext, Finding, Rule } from './types';

const BRAND_TYPES = new Set(['0', '1', '2', '3', '4']);
const EXPORT_PREFERENCES = new Set(['0', '1', '2', '3']);
const BRAND_TYPE = '品牌类型';
const EXPORT_PREFERENCE = '出口享惠情况';

function tariffOf(line: Row, ctx: CheckContext): TariffInfo | null | undefined {
  const code = line.CodeTS ?? '';
  if (!/^\d{10}$/.test(code) || !ctx.codes?.tariff) return undefined;
  return ctx.codes.tariff(code);
}

function secondPairWithoutTariff(line: Row, i: number, ctx: CheckContext, out: Finding[]): void {
  if (ctx.stage !== 'declare') return;
  const unit = line.SecondUnit ?? '';
  const qty = line.SecondQty ?? '';
  if (unit !== '' && qty === '')
    out.push({ path: `lines[${i}].SecondQty`, code: 'second-qty-required', severity: 'error', params: { unit } });
  if (unit === '' && qty !== '')
    out.push({ path: `lines[${i}].SecondUnit`, code: 'second-unit-required', severity: 'error', params: {} });
}

function legalUnits(line: Row, i: number, info: TariffInfo, ctx: CheckContext, out: Finding[]): void {
  const first = line.FirstUnit ?? '';
  if (first !== '' && first !== info.firstUnit) {
    out.push({
      path: `lines[${i}].FirstUnit`,
      code: 'legal-unit-mismatch',
      severity: 'error',
      params: { code: info.code, expected: info.firstUnit, value: first },
    });
  }
  const second = line.SecondUnit ?? '';
  const secondQty = line.SecondQty ?? '';
  if (info.secondUnit === '') {
    if (second !== '')
      out.push({
        path: `lines[${i}].SecondUnit`,
        code: 'second-unit-not-allowed',
        severity: 'error',
        params: { code: info.code },
      });
    if (secondQty !== '')
      out.push({
        path: `lines[${i}].SecondQty`,
        code: 'second-qty-not-allowed',
        severity: 'error',
        params: { code: info.code },
      });
    return;
  }
  if (second !== '' && second !== info.secondUnit) {
    out.push({
      path: `lines[${i}].SecondUnit`,
      code: 'second-unit-mismatch',
      severity: 'error',
      params: { code: info.code, expected: info.secondUnit, value: second },
    });
  }
  if (ctx.stage === 'declare') {
    if (second === '')
      out.push({
        path: `lines[${i}].SecondUnit`,
        code: 'second-unit-required',
        severity: 'error',
        params: { code: info.code, expected: info.secondUnit },
      });
    if (secondQty === '')
      out.push({
        path: `lines[${i}].SecondQty`,
        code: 'second-qty-required',
        severity: 'error',
        params: { code: info.code, unit: info.secondUnit },
      });
  }
}

/**
 * 规格型号 (GModel) against the code's 申报要素: values separated by `|` in the list's order,
 * no more values than elements, 品牌类型 one of 0–4 and 出口享惠情况 one of 0–3 (3 on imports).
 */
function declarationElements(line: Row, i: number, info: TariffInfo, ctx: CheckContext, out: Finding[]): void {
  const path = `lines[${i}].GModel`;
  const gModel = line.GModel ?? '';
  const count = info.elements.length;
  if (count === 0) return;
  if (gModel.trim() === '') {
    if (ctx.stage === 'declare')
      out.push({
        path,
        code: 'gmodel-required',
        severity: 'error',
        params: { code: info.code, elements: info.elements.join('|') },
      });
    return;
  }
  const parts = gModel.split('|');
  if (parts.length > count)
    out.push({
      path,
      code: 'gmodel-too-many',
      severity: 'error',
      params: { code: info.code, count, actual: parts.length },
    });
  else if (parts.length < count && ctx.stage === 'declare') {
    out.push({
      path,
      code: 'gmodel-too-few',
      severity: 'warning',
      params: { code: info.code, count, actual: parts.length, missing: info.elements.slice(parts.length).join('、') },
    });
  }
  const brandAt = info.elements.indexOf(BRAND_TYPE);
  const brand = brandAt >= 0 ? parts[brandAt] : undefined;
  if (brand !== undefined && !BRAND_TYPES.has(brand.trim()))
    out.push({ path, code: 'gmodel-brand-type', severity: 'error', params: { position: brandAt + 1, value: brand } });
  const prefAt = info.elements.indexOf(EXPORT_PREFERENCE);
  const pref = prefAt >= 0 ? parts[prefAt]?.trim() : undefined;
  if (pref !== undefined) {
    if (!EXPORT_PREFERENCES.has(pref))
      out.push({
        path,
        code: 'gmodel-export-preference',
        severity: 'error',
        params: { position: prefAt + 1, value: pref },
      });
    else if (ctx.ieFlag === 'I' && pref !== '3')
      out.push({
        path,
        code: 'gmodel-import-preference',
        severity: 'warning',
        params: { position: prefAt + 1, value: pref },
      });
  }
}

/**
 * Per goods line, against the tariff: legal units are the code's units, the second quantity is
 * there exactly when the code has a second unit, and GModel follows the 申报要素. Without a
 * tariff, a second unit and quantity must still come as a pair.
 */
export const tariffRules: Rule = (doc, ctx, out) => {
  doc.lines.forEach((line, i) => {
    const info = tariffOf(line, ctx);
    if (!info) {
      if (info === undefined) secondPairWithoutTariff(line, i, ctx, out);
      return;
    }
    legalUnits(line, i, info, ctx, out);
    declarationElements(line, i, info, ctx, out);
  });
};
