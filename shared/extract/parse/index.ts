export { parseDocument } from './parse-document';
export type { ParseOptions } from './parse-document';
export { parseNumber, looksEuropean, asciiText } from './numbers';
export { parseDate, incotermCode, currencyOf } from './head';
