import type { DocumentCatalog, ElementDef, SectionDef } from './types';

// The walking skeleton's slice of the goods declaration. Elements keep the
// DecMessage's names, lengths and requirement flags (../shared/DOMAIN.md §1.3–1.4),
// so the full catalog grows by adding elements, not by renaming them.

function el(def: ElementDef): ElementDef {
  return def;
}

const head: SectionDef = {
  id: 'head',
  xml: 'DecHead',
  zh: '表头',
  en: 'Header',
  repeats: false,
  elements: [
    el({ xml: 'IEFlag', zh: '进出口标志', en: 'Import/export flag', type: 'string', length: 1, codeTable: 'ie-flags', draft: true, declare: true }),
    el({ xml: 'BillNo', zh: '提运单号', en: 'Bill of lading no.', type: 'string', length: 32, draft: false, declare: false }),
    el({ xml: 'CustomMaster', zh: '申报地海关', en: 'Declaring customs', type: 'string', length: 4, codeTable: 'customs-districts', draft: true, declare: true }),
    el({ xml: 'TradeCode', zh: '境内收发货人编号', en: 'Domestic consignee/consignor code', type: 'string', length: 18, draft: false, declare: true }),
    el({ xml: 'TradeMode', zh: '监管方式', en: 'Supervision mode', type: 'string', length: 4, codeTable: 'trade-modes', draft: false, declare: true }),
    el({ xml: 'TradeName', zh: '境内收发货人', en: 'Domestic consignee/consignor', type: 'string', length: 100, draft: false, declare: true }),
    el({ xml: 'TrafMode', zh: '运输方式', en: 'Transport mode', type: 'string', length: 1, codeTable: 'transport-modes', draft: false, declare: true }),
    el({ xml: 'TradeCoScc', zh: '境内收发货人统一社会信用代码', en: 'Domestic consignee/consignor USCC', type: 'string', length: 18, draft: false, declare: true }),
  ],
};

const lines: SectionDef = {
  id: 'lines',
  xml: 'DecLists/DecList',
  zh: '商品',
  en: 'Goods lines',
  repeats: true,
  maxRows: 50,
  elements: [
    el({ xml: 'CodeTS', zh: '商品编号', en: 'HS code', type: 'string', length: 10, codeTable: 'tariff', draft: true, declare: true }),
    el({ xml: 'DeclPrice', zh: '申报单价', en: 'Unit price', type: 'decimal', length: 19, decimals: 4, draft: false, declare: true }),
    el({ xml: 'GName', zh: '商品名称', en: 'Goods name', type: 'string', length: 255, draft: false, declare: true }),
    el({ xml: 'TradeCurr', zh: '币制', en: 'Currency', type: 'string', length: 3, codeTable: 'currencies', draft: false, declare: true }),
    el({ xml: 'DeclTotal', zh: '申报总价', en: 'Total price', type: 'decimal', length: 19, decimals: 4, draft: false, declare: true }),
    el({ xml: 'GQty', zh: '成交数量', en: 'Quantity', type: 'decimal', length: 19, decimals: 5, draft: false, declare: true }),
    el({ xml: 'GUnit', zh: '成交计量单位', en: 'Unit of quantity', type: 'string', length: 3, codeTable: 'units', draft: false, declare: true }),
  ],
};

export const goodsDeclaration: DocumentCatalog = {
  id: 'dec',
  zh: '进出口货物报关单',
  en: 'Goods declaration',
  sections: [head, lines],
};
