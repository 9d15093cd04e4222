export * from './edoc-id';
export * from './pdf-check';
export * from './manifest';
