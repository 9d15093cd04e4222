import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BillNoUse, TimelineEntry } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { declarationRecord } from '../../../test-support/shared/records';
import { useFlowWarnings } from './use-flow-warnings';

// A repeat shipment's traps (fake bridge: main's answers as the contract gives them): a value the template or the copy
// brought that belongs to the earlier shipment, and a 提运单号 already on another declaration.

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
);

const record = declarationRecord();
const other: BillNoUse = {
  id: '01a2049e-b64f-7413-8ff9-f1a7a1258341',
  clientSeqNo: 'SW261122PREVIOUS01',
  status: 'released',
};

function bridge(created: Record<string, unknown>, elsewhere: BillNoUse[]) {
  const timeline: TimelineEntry[] = [{ revision: 1, at: 't', actor: '王芳', action: 'create', changes: created }];
  const fake = createFakeBridge({
    'declarations.timeline': () => ({ ok: true, value: timeline }),
    'declarations.withBillNo': () => ({ ok: true, value: elsewhere }),
  });
  setBridge(fake.bridge);
  return fake;
}

const doc = (head: Record<string, string>, voyNo = '012E'): DeclarationDoc => ({
  head: { IEFlag: 'I', ...head },
  lines: [],
  tables: { freeText: [{ VoyNo: voyNo }] },
});

describe('warnings of a repeat shipment', () => {
  beforeEach(() => queryClient.clear());

  it('names each of 提运单号, 进出口日期 and 航次号 still as the template brought them, and the template', async () => {
    bridge(
      {
        template: '鲜果表头',
        carried: { 'head.BillNo': 'COSU1', 'head.IEDate': '20261120', 'freeText[0].VoyNo': '012E' },
      },
      [],
    );
    const { result } = renderHook(
      () => useFlowWarnings(doc({ BillNo: 'COSU1', IEDate: '20261120' }), record, 'zh-CN'),
      {
        wrapper,
      },
    );
    await waitFor(() => expect(result.current).toHaveLength(3));
    expect(result.current.map((w) => w.path)).toEqual(['head.BillNo', 'head.IEDate', 'freeText[0].VoyNo']);
    expect(result.current[0]?.message).toBe('提运单号来自模板“鲜果表头”，请按本次货物核对');
  });

  it('stops warning of a value once the broker changed it, and says which declaration a copy came from (English)', async () => {
    bridge({ copiedFrom: 'SW261122PREVIOUS01', carried: { 'head.BillNo': 'COSU1', 'freeText[0].VoyNo': '012E' } }, []);
    const { result } = renderHook(() => useFlowWarnings(doc({ BillNo: 'COSU2' }), record, 'en'), { wrapper });
    await waitFor(() => expect(result.current).toHaveLength(1));
    expect(result.current[0]).toEqual({
      path: 'freeText[0].VoyNo',
      message: expect.stringMatching(/ comes from the copied declaration SW261122PREVIOUS01; check it against/),
    });
  });

  it('warns of a 提运单号 already on another declaration, naming it and its status', async () => {
    const fake = bridge({}, [other]);
    const { result } = renderHook(() => useFlowWarnings(doc({ BillNo: 'COSU6123456780' }), record, 'zh-CN'), {
      wrapper,
    });
    await waitFor(() => expect(result.current).toHaveLength(1));
    expect(result.current[0]).toEqual({
      path: 'head.BillNo',
      message: '提运单号 COSU6123456780 已用于报关单 SW261122PREVIOUS01（已放行），请确认不是重复申报',
    });
    expect(fake.calls.find((c) => c.method === 'declarations.withBillNo')?.input).toEqual({
      billNo: 'COSU6123456780',
      exceptId: record.id,
    });
  });

  it('asks nothing about an empty 提运单号', async () => {
    const fake = bridge({}, [other]);
    const { result } = renderHook(() => useFlowWarnings(doc({}), record, 'zh-CN'), { wrapper });
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'declarations.timeline')).toBe(true));
    expect(result.current).toEqual([]);
    expect(fake.calls.some((c) => c.method === 'declarations.withBillNo')).toBe(false);
  });
});
