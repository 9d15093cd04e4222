import { decHead } from './dec-head';
import { controlModels, decList, goodsLimits, goodsLimitVins } from './dec-list';
import { sddTax, supplements, trnContaGoods, trnContainers, trnHead, trnList } from './dec-other';
import {
  containers,
  copLimits,
  ecoRelations,
  edocs,
  freeText,
  licenceDocs,
  markLobs,
  otherPacks,
  promises,
  requestCerts,
  risk,
  royaltyFee,
  sign,
  tpAccess,
  users,
} from './dec-subtables';
import { el } from './element-builder';
import type { DocumentCatalog } from './types';

/**
 * The goods declaration (进出口货物报关单) as the single window's DecMessage describes it: every
 * element of every section, in schema order, with wrapper and record names, so the form, the
 * grid, the checks, the XML writer, the print view and the hub all follow from this one list.
 * Section order is the root's child order (DOMAIN.md §1.2); nested sections (goodsLimits,
 * goodsLimitVins, controlModels) follow their parent and say where inside it they are written.
 * See types.ts (SectionDef) for how a DeclarationDoc holds each section.
 */
export const goodsDeclaration: DocumentCatalog = {
  id: 'dec',
  zh: '进出口货物报关单',
  en: 'Goods declaration',
  root: {
    xml: 'DecMessage',
    namespace: 'http://www.chinaport.gov.cn/dec',
    attributes: [el('Version', '接口版本号', 'Interface version', 'S5', 'both', { auto: 'system' })],
  },
  sections: [
    decHead,
    decList,
    goodsLimits,
    goodsLimitVins,
    controlModels,
    containers,
    licenceDocs,
    requestCerts,
    otherPacks,
    copLimits,
    users,
    markLobs,
    freeText,
    sign,
    trnHead,
    trnList,
    trnContainers,
    trnContaGoods,
    supplements,
    edocs,
    ecoRelations,
    sddTax,
    risk,
    promises,
    tpAccess,
    royaltyFee,
  ],
};
