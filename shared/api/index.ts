export * from './errors';
export * from './schemas';
export * from './contract';
export * from './code-schemas';
export * from './desk-schemas';
export * from './interchange-schemas';
export * from './admin-schemas';
export * from './admin-contract';
