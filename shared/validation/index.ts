export * from './types';
export * from './bytes';
export * from './engine';
export * from './messages';
export { isDecimal, isYmd } from './rules-basic';
