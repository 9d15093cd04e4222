import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { declarationRecord } from '../../../test-support/shared/records';
import { useFindings } from './use-findings';

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
);

describe('checks as typed: the date they judge by (fake bridge, no code tables)', () => {
  beforeEach(() => {
    queryClient.clear();
    setBridge(
      createFakeBridge({
        'codes.tables': () => ({ ok: true, value: [] }),
        'declarations.timeline': () => ({ ok: true, value: [] }),
      }).bridge,
    );
    // 01:00 on 23 November in China, still 22 November in UTC and in the Americas.
    vi.useFakeTimers({ now: Date.parse('2026-11-22T17:00:00Z'), toFake: ['Date'] });
  });
  afterEach(() => vi.useRealTimers());

  it("takes today's date in China, as main and the hub do, whatever the machine's time zone", () => {
    const doc = { head: { IEFlag: 'I', IEDate: '20261123' }, lines: [], tables: {} };
    const record = declarationRecord();
    const { result } = renderHook(() => useFindings(doc, record, 'zh-CN'), { wrapper });
    const onDate = result.current.listed.filter((f) => f.path === 'head.IEDate');
    expect(result.current.listed.length).toBeGreaterThan(0);
    expect(onDate).toEqual([]);
    const tomorrow = { ...doc, head: { ...doc.head, IEDate: '20261124' } };
    const later = renderHook(() => useFindings(tomorrow, record, 'zh-CN'), { wrapper });
    expect(later.result.current.listed.filter((f) => f.path === 'head.IEDate')).toHaveLength(1);
  });

  it('marks an empty required field as still to fill until 申报 stopped on it; then it is an error', () => {
    const doc = { head: { IEFlag: 'I' }, lines: [], tables: {} };
    const record = declarationRecord();
    const onTrade = (insisted: boolean) => {
      const { result } = renderHook(() => useFindings(doc, record, 'zh-CN', insisted), { wrapper });
      return { listed: result.current.listed.find((f) => f.path === 'head.TradeName'), errors: result.current.errors };
    };
    const before = onTrade(false);
    expect(before.listed).toMatchObject({ severity: 'error', required: true });
    expect(before.errors.get('head.TradeName')).toMatchObject({ quiet: true });
    const after = onTrade(true);
    expect(after.listed).toMatchObject({ severity: 'error', required: false });
    expect(after.errors.get('head.TradeName')).toMatchObject({ quiet: false });
  });
});
