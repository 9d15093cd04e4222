import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DeclarationRecord, TimelineEntry } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { findElement, goodsDeclaration, labelOf, parseFieldPath, readField } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import { statusName } from '../../../shared/status';
import { api } from '../../api/client';
import { useTimeline } from '../../api/queries';
import { flowMessages } from './flow-messages';
import { listWords } from '../../i18n/list-words';

/** A warning of the keying day's own (not of the shared checks): a field and what to check in it. */
export interface FlowWarning {
  path: string;
  message: string;
}

/** Where a declaration came from, as its first revision records it (main/core/templates/start-from.ts). */
export interface Origin {
  template?: string;
  copiedFrom?: string;
  /** The values of one shipment's own fields (提运单号, 进出口日期, 航次号) as the template or copy brought them. */
  carried: Readonly<Record<string, string>>;
}

export function originOf(timeline: readonly TimelineEntry[] | undefined): Origin | null {
  const created = timeline?.find((e) => e.action === 'create');
  const changes = created?.changes;
  if (typeof changes !== 'object' || changes === null) return null;
  const { template, copiedFrom, carried } = changes as Record<string, unknown>;
  const values: Record<string, string> = {};
  if (typeof carried === 'object' && carried !== null)
    for (const [path, value] of Object.entries(carried)) if (typeof value === 'string') values[path] = value;
  if (typeof template === 'string') return { template, carried: values };
  if (typeof copiedFrom === 'string') return { copiedFrom, carried: values };
  return null;
}

/**
 * A field that still holds the earlier shipment's value: 提运单号, 进出口日期 and 航次号 brought by a template or a copy
 * are that shipment's own, not this one's.
 */
function useCarriedWarnings(doc: DeclarationDoc, record: DeclarationRecord, locale: Locale): FlowWarning[] {
  const timeline = useTimeline(record.id);
  const origin = useMemo(() => originOf(timeline.data), [timeline.data]);
  const ieFlag = record.ieFlag;
  return useMemo(() => {
    if (!origin) return [];
    const f = flowMessages[locale];
    const from = origin.template !== undefined ? f.fromTemplate(origin.template) : f.fromCopy(origin.copiedFrom ?? '');
    const warnings: FlowWarning[] = [];
    for (const [path, value] of Object.entries(origin.carried)) {
      const parsed = parseFieldPath(path);
      if (!parsed || value === '' || readField(doc, parsed) !== value) continue;
      const def = findElement(goodsDeclaration, parsed.kind === 'head' ? 'head' : parsed.table, parsed.element);
      warnings.push({ path, message: f.carried(def ? labelOf(def, locale, ieFlag) : path, from) });
    }
    return warnings;
  }, [origin, doc, locale, ieFlag]);
}

/** A 提运单号 already on another declaration not deleted: the same shipment declared twice. */
function useBillNoWarnings(doc: DeclarationDoc, record: DeclarationRecord, locale: Locale): FlowWarning[] {
  const billNo = (doc.head.BillNo ?? '').trim();
  const elsewhere = useQuery({
    // Not under 'declarations': every save there would fetch it again; a new 提运单号 does.
    queryKey: ['bill-no-elsewhere', billNo, record.id],
    queryFn: () => api.invoke('declarations.withBillNo', { billNo, exceptId: record.id }),
    enabled: billNo !== '' && billNo.length <= 32,
  });
  const others = elsewhere.data;
  return useMemo(() => {
    if (billNo === '' || !others || others.length === 0) return [];
    const f = flowMessages[locale];
    const seqs = others.map((o) => f.declarationStatus(o.clientSeqNo, statusName(o.status, locale)));
    return [{ path: 'head.BillNo', message: f.billNoElsewhere(billNo, listWords(seqs, locale)) }];
  }, [billNo, others, locale]);
}

/**
 * The warnings a broker needs on a repeat shipment, beside the shared checks. `doc` is the declaration as typing
 * last paused.
 */
export function useFlowWarnings(doc: DeclarationDoc, record: DeclarationRecord, locale: Locale): FlowWarning[] {
  const carried = useCarriedWarnings(doc, record, locale);
  const billNo = useBillNoWarnings(doc, record, locale);
  return useMemo(() => [...carried, ...billNo], [carried, billNo]);
}
