export * from './types';
export * from './document';
export { goodsDeclaration } from './goods-declaration';
export { MAX_GOODS_LINES } from './dec-list';
export * from './countries';
export * from './labels';
export * from './lookup';
export * from './patch';
export * from './two-step';
