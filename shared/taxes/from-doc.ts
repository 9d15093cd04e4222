import type { DeclarationDoc } from '../catalog/document';
import type { TaxHeadInput, TaxLineInput } from './types';

/**
 * The estimate's input from a declaration as the desk and the hub hold it. The 优惠贸易协定 is the
 * one its 原产地证明 names: an EcoRelation's CertType Y + code (Y02), else a 随附单证 of code Y whose
 * number starts with the agreement in angle brackets (<02>…), as the 填制规范 writes it.
 */
export function taxInputFromDoc(doc: DeclarationDoc): { head: TaxHeadInput; lines: TaxLineInput[] } {
  const h = doc.head;
  const eco = (doc.tables.ecoRelations ?? []).map((r) => /^Y(\d{2})$/.exec(r.CertType ?? '')?.[1]).find(Boolean);
  const licence = (doc.tables.licenceDocs ?? [])
    .filter((r) => r.DocuCode === 'Y')
    .map((r) => /^<(\d{2})>/.exec(r.CertCode ?? '')?.[1])
    .find(Boolean);
  const head: TaxHeadInput = {
    ieFlag: h.IEFlag ?? '',
    transMode: h.TransMode ?? '',
    feeMark: h.FeeMark ?? '',
    feeRate: h.FeeRate ?? '',
    feeCurr: h.FeeCurr ?? '',
    insurMark: h.InsurMark ?? '',
    insurRate: h.InsurRate ?? '',
    insurCurr: h.InsurCurr ?? '',
    grossWt: h.GrossWet ?? '',
    agreement: eco ?? licence ?? '',
  };
  const lines = doc.lines.map((l) => ({
    codeTs: l.CodeTS ?? '',
    declTotal: l.DeclTotal ?? '',
    tradeCurr: l.TradeCurr ?? '',
    originCountry: l.OriginCountry ?? '',
    firstQty: l.FirstQty ?? '',
    firstUnit: l.FirstUnit ?? '',
    secondQty: l.SecondQty ?? '',
    secondUnit: l.SecondUnit ?? '',
    dutyMode: l.DutyMode ?? '',
  }));
  return { head, lines };
}
