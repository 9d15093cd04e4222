export * from './store';
export * from './builtin-files';
export * from './sqlite-lookup';
export * from './service';
export * from './read-file';
export { pinyinInitials } from './pinyin';
export * from './handlers';
export { createCodeFinder } from './code-finder';
