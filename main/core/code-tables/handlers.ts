import type { Handlers } from '../api/dispatch';
import type { CodeTableService } from './service';

type CodeMethods =
  | 'codes.tables'
  | 'codes.search'
  | 'codes.get'
  | 'codes.snapshot'
  | 'codes.previewImport'
  | 'codes.import'
  | 'codes.remove'
  | 'tariff.get'
  | 'tariff.getMany';

/** The contract handlers of the code-table methods, for the handler map in main/composition.ts. */
export function createCodeTableHandlers(service: CodeTableService): Pick<Handlers, CodeMethods> {
  return {
    'codes.tables': () => service.tables(),
    'codes.search': (input) => service.search(input),
    'codes.get': (input) => service.get(input),
    'codes.snapshot': (input) => service.snapshot(input),
    'codes.previewImport': (input) => service.preview(input),
    'codes.import': (input) => service.importFile(input),
    'codes.remove': ({ table }) => service.remove(table),
    'tariff.get': ({ code }) => service.tariff(code),
    'tariff.getMany': ({ codes }) => service.tariffMany(codes),
  };
}
