export * from './canonical';
export * from './envelope';
export * from './request-signing';
export * from './hub-wire';
export * from './hub-keys';
export * from './hub-code-tables';
export * from './hub-attachments';
