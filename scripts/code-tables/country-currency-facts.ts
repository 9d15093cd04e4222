// The customs wording and code lists that the ISO packages (countries, currencies) lack or spell otherwise.
/**
 * Customs wording for country names the ISO package spells otherwise, and customs-only codes,
 * as DOMAIN.md §3.2 states them ("ship the customs Chinese names, e.g. 中国香港, not 香港").
 */
export const customsCountryNames: Record<string, string> = {
  CHN: '中国',
  HKG: '中国香港',
  MAC: '中国澳门',
  TWN: '中国台湾',
};

export const customsCountryExtras: string[][] = [
  ['CAI', '加那利群岛', 'Canary Islands'],
  ['CEU', '休达', 'Ceuta'],
  ['MEL', '梅利利亚', 'Melilla'],
  ['ZAS', '亚洲其他国家(地区)', 'Other Asian countries (regions)'],
  ['ZZZ', '国(地)别不详', 'Country (region) unknown'],
];

/** Chinese currency names the single window uses, for the currencies DOMAIN.md §3.2 lists. */
export const customsCurrencyNames: Record<string, string> = {
  USD: '美元',
  CNY: '人民币',
  EUR: '欧元',
  HKD: '港币',
  JPY: '日本元',
  GBP: '英镑',
  KRW: '韩国圆',
  TWD: '新台币',
  MOP: '澳门元',
};

/** ISO 4217 entries that are funds, metals, bond units or test codes, never a trade currency. */
export const nonTradeCurrencies = new Set([
  'BOV',
  'CHE',
  'CHW',
  'CLF',
  'COU',
  'MXV',
  'USN',
  'UYI',
  'UYW',
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XPD',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
]);
