import type { CodeFinder, CodeMatch } from '../../../shared/interchange/lines';
import type { CodeTableService } from './service';

/**
 * The names a row gives its code: name_zh, name_en and the others its table keeps (国别's 2018 name 香港
 * for 中国香港, 监管方式's full name, 征免性质's other name); a cell may list several.
 */
function namesOf(row: Readonly<Record<string, string>>): string[] {
  return Object.entries(row)
    .filter(([column]) => column.includes('name'))
    .flatMap(([, value]) => value.split(/[;；,，、]/))
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

/**
 * Finds codes for the text a broker's sheet holds: the code itself whatever its case (usd → USD), or
 * the codes one of whose names is that text (any case). Only whole names match: 香港 finds HKG by its
 * 2018 name, 香 finds nothing. The pickers' search finds the candidates.
 */
export function createCodeFinder(service: Pick<CodeTableService, 'lookup' | 'search' | 'get'>): CodeFinder {
  return {
    has: (table, code) => service.lookup().has(table, code),
    matches(table, text) {
      const wanted = text.trim();
      if (wanted === '') return [];
      const lower = wanted.toLowerCase();
      const out = new Map<string, CodeMatch>();
      for (const hit of service.search({ table, query: wanted, limit: 50 })) {
        const row = service.get({ table, code: hit.code });
        if (!row) continue;
        if (hit.code.toLowerCase() === lower || namesOf(row).includes(lower))
          out.set(hit.code, { code: hit.code, name_zh: row.name_zh ?? '', name_en: row.name_en ?? '' });
      }
      return [...out.values()];
    },
  };
}
