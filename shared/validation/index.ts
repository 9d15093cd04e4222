export * from './types';
export * from './bytes';
export * from './engine';
export * from './messages';
export * from './decimal';
export { chinaDate, msUntilChinaMidnight } from './china-date';
export { containerCheckDigit, containerProblem, hasFormat, usccCheckChar, usccProblem } from './formats';
export { isDecimal, isRequired, isYmd } from './rules-basic';
export { isProcessingTrade } from './rules-trade-mode';
