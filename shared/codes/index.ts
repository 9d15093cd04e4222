export * from './tables';
export * from './csv';
export * from './normalize';
export * from './tariff';
export * from './memory-lookup';
export * from './search';
export * from './package';
export * from './builtin';
