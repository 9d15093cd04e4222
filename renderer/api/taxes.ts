import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { DeclarationDoc } from '../../shared/catalog';
import type { CodeRow } from '../../shared/code-tables/normalize';
import { estimateTaxes } from '../../shared/taxes/estimate';
import { taxInputFromDoc } from '../../shared/taxes/from-doc';
import { taxTablesFromRows } from '../../shared/taxes/tables';
import type { TaxEstimate } from '../../shared/taxes/types';
import { taxDateOf } from '../../shared/taxes/tax-date';
import { api } from './client';
import { useCodeSnapshot, useCodeTables } from './code-tables';

// One answer for the tariff rows: structurally shared, so it is the same object while no row changes.
function combineRows(results: { isFetched: boolean; data?: CodeRow | null | undefined }[]) {
  return { loaded: results.every((r) => r.isFetched), data: results.map((r) => r.data ?? null) };
}

/**
 * The duty estimate of the open declaration, worked out here as the broker types: the tariff rows of its
 * codes (with their rate columns) from main, the month's exchange rates from the code-table snapshot, and
 * each table's version and date. Null until the tables have been read once; an import is not estimated.
 */
export function useTaxEstimate(
  doc: DeclarationDoc,
  ieFlag: string,
  declaredAt: string | null = null,
): TaxEstimate | null {
  const tables = useCodeTables().data;
  const snapshot = useCodeSnapshot();
  const key = [...new Set(doc.lines.map((l) => l.CodeTS ?? '').filter((c) => /^\d{10}$/.test(c)))].sort().join(',');
  const codes = useMemo(() => (key === '' ? [] : key.split(',')), [key]);
  const { loaded, data } = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['codes.get', 'tariff', code],
      queryFn: () => api.invoke('codes.get', { table: 'tariff', code }),
      staleTime: Infinity,
    })),
    combine: combineRows,
  });
  const tariffRows = useMemo(() => {
    const map = new Map<string, CodeRow>();
    data.forEach((row, i) => {
      const code = codes[i];
      if (code && row) map.set(code, row);
    });
    return map;
  }, [data, codes]);
  // The date the estimate is for: the declaration's 申报日期 once declared, else today in China when it was opened.
  const [openedAt] = useState(() => Date.now());
  const date = taxDateOf(declaredAt, openedAt);
  // The estimate reads a few fields of each line and of the head: keyed by them, typing elsewhere (商品名称, 备注 …)
  // keeps the estimate as it was (the same object) and works nothing out.
  const inputKey = JSON.stringify(taxInputFromDoc(doc));
  const input = useMemo(() => JSON.parse(inputKey) as ReturnType<typeof taxInputFromDoc>, [inputKey]);
  return useMemo(() => {
    if (!tables || !snapshot.ready || !loaded || ieFlag !== 'I') return null;
    const info = (id: string) => tables.find((t) => t.id === id);
    const tariff = info('tariff');
    const exchange = info('exchange-rates');
    const taxTables = taxTablesFromRows({
      tariffRow: (code) => tariffRows.get(code),
      tariffSource: { table: 'tariff', version: tariff?.version ?? '', asOf: tariff?.asOf ?? '' },
      exchangeRows: snapshot.tables.find((t) => t.id === 'exchange-rates')?.rows ?? [],
      exchangeSource: { table: 'exchange-rates', version: exchange?.version ?? '', asOf: exchange?.asOf ?? '' },
    });
    return estimateTaxes({ ...input, date }, taxTables);
  }, [tables, snapshot, loaded, ieFlag, tariffRows, input, date]);
}

/** The 税费单 customs sent for the declaration (refreshed with its receipts); null until one came. */
export function useTaxBill(id: string | null) {
  return useQuery({
    queryKey: ['receipts', id ?? '', 'taxBill'],
    queryFn: () => api.invoke('declarations.taxBill', { id: id ?? '' }),
    enabled: id !== null,
  }).data;
}
