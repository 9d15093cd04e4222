import type { CodeFinder } from '../interchange/lines/code-mapping';

/**
 * Units as invoices abbreviate them, by the 计量单位 table's Chinese name. UNITS is how English invoices count
 * machines and appliances (the table's 台, "Set (machine)"); PAIRS is 双, the pair of shoes, socks and gloves that
 * most pairs traded are (对, a pair of things matched, is rarer): the review shows the unit for the broker to change.
 */
const unitNames: Readonly<Record<string, string>> = {
  UNIT: '台',
  UNITS: '台',
  PAIR: '双',
  PAIRS: '双',
  PRS: '双',
  PCS: '个',
  PC: '个',
  PCE: '个',
  PIECE: '个',
  PIECES: '个',
  EA: '个',
  EACH: '个',
  SET: '套',
  SETS: '套',
  KG: '千克',
  KGS: '千克',
  KILOGRAM: '千克',
  KILOGRAMS: '千克',
  G: '克',
  GR: '克',
  GRAM: '克',
  GRAMS: '克',
  MT: '吨',
  TON: '吨',
  TONS: '吨',
  TONNE: '吨',
  TONNES: '吨',
  M: '米',
  MTR: '米',
  MTRS: '米',
  METER: '米',
  METERS: '米',
  METRE: '米',
  METRES: '米',
  M2: '平方米',
  SQM: '平方米',
  M3: '立方米',
  CBM: '立方米',
  L: '升',
  LTR: '升',
  LITRE: '升',
  LITRES: '升',
  LITER: '升',
  LITERS: '升',
  ROLL: '卷',
  ROLLS: '卷',
  SHEET: '张',
  SHEETS: '张',
  CTN: '箱',
  CTNS: '箱',
  CARTON: '箱',
  CARTONS: '箱',
  BOX: '盒',
  BOXES: '盒',
  BTL: '瓶',
  BOTTLE: '瓶',
  BOTTLES: '瓶',
  BAG: '袋',
  BAGS: '袋',
  DOZ: '打',
  DOZEN: '打',
};

/**
 * Countries as documents name them that the 国别 table names otherwise ("USA", "U.K.", "P.R.C.", "Made in China"),
 * upper-cased without spaces or dots.
 */
const countryNames: Readonly<Record<string, string>> = {
  PRC: 'CHN',
  CN: 'CHN',
  PRCHINA: 'CHN',
  "PEOPLE'SREPUBLICOFCHINA": 'CHN',
  US: 'USA',
  USA: 'USA',
  UNITEDSTATES: 'USA',
  UNITEDSTATESOFAMERICA: 'USA',
  AMERICA: 'USA',
  UK: 'GBR',
  UNITEDKINGDOM: 'GBR',
  GREATBRITAIN: 'GBR',
  ENGLAND: 'GBR',
  DE: 'DEU',
  JP: 'JPN',
  KOREA: 'KOR',
  SOUTHKOREA: 'KOR',
  REPUBLICOFKOREA: 'KOR',
  VIETNAM: 'VNM',
  'VIETNAM,SOCIALISTREPUBLICOF': 'VNM',
  TAIWAN: 'TWN',
  HONGKONG: 'HKG',
  NETHERLANDS: 'NLD',
  HOLLAND: 'NLD',
  RUSSIA: 'RUS',
};

/** The only code a finder gives for one of `texts`, tried in turn. */
function onlyMatch(codes: CodeFinder, table: string, texts: readonly string[]): string | undefined {
  for (const text of texts) {
    if (text === '') continue;
    const found = codes.matches(table, text);
    if (found.length === 1 && found[0]) return found[0].code;
  }
  return undefined;
}

/** The 计量单位 code of a unit as printed (PCS → 007, SETS → 006, KGS → 035, 台 → 001), when it has one meaning. */
export function unitCode(codes: CodeFinder, printed: string): string | undefined {
  const t = printed.trim().replace(/\.$/, '');
  return onlyMatch(codes, 'units', [t, unitNames[t.toUpperCase()] ?? '']);
}

/** The 币制 code (ISO 4217, as the table keeps it) of a currency the parser found. */
export function currencyCode(codes: CodeFinder, iso: string): string | undefined {
  return codes.has('currencies', iso.toUpperCase()) === true ? iso.toUpperCase() : undefined;
}

/** The 国别 code (ISO 3166 alpha-3) of a country as printed ("China", "中国", "Made in Germany", "USA"). */
export function countryCode(codes: CodeFinder, printed: string): string | undefined {
  const t = printed
    .trim()
    .replace(/^(?:made\s+in|产地|原产(?:国|地)?)[\s:：]*/i, '')
    .replace(/[.。]$/, '');
  const squeezed = t.toUpperCase().replace(/[\s.]+/g, '');
  return onlyMatch(codes, 'countries', [t, countryNames[squeezed] ?? '', `${t} (the)`]);
}

/**
 * The 成交方式 code of an Incoterm. The official table names four Incoterms and one older term itself — CIF 1,
 * C&F (CFR) 2, FOB 3, C&I 4, EXW 7 — and no rule maps the others (FCA, FAS, CPT, CIP, DAP, DPU, DDP): for them
 * no code is proposed and the broker chooses by what the price includes.
 */
export function transModeCode(codes: CodeFinder, incoterm: string): string | undefined {
  const term = incoterm.toUpperCase();
  if (!['CIF', 'CFR', 'FOB', 'C&I', 'EXW'].includes(term)) return undefined;
  return onlyMatch(codes, 'transaction-methods', [term === 'CFR' ? 'C&F' : term]);
}
