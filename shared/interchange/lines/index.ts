export * from './delimited';
export * from './line-import';
export * from './line-mapping';
export * from './code-mapping';
