export * from './party';
export * from './product';
export * from './library-import';
export * from './template-parts';
export * from './name-grams';
export * from './defaults';
