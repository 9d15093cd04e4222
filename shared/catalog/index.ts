export * from './types';
export * from './document';
export { goodsDeclaration } from './goods-declaration';
export * from './lookup';
export * from './patch';
