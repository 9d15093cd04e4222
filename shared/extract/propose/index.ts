export { proposeExtraction } from './propose-extraction';
export type { ProposeOptions } from './propose-extraction';
export type { FindProduct, ProductCandidate } from './product';
export { unitCode, countryCode, currencyCode, transModeCode } from '../codes';
