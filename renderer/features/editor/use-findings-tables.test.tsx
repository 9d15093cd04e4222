import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeTableSummaryDto, DeclarationRecord } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { declarationRecord } from '../../../test-support/shared/records';
import { useFindings } from './use-findings';

// The checks beside the form run on the code tables main has. When those change the panel must not
// go on saying 没有错误 about a code the new tables no longer hold (fake bridge standing in for main).

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
);

const summary = (rowCount: number): CodeTableSummaryDto => ({
  id: 'customs-districts',
  zh: '关区代码',
  en: 'Customs districts',
  builtin: 'partial',
  version: `v${rowCount}`,
  origin: 'hub',
  complete: true,
  rowCount,
  source: null,
  asOf: '',
  updatedAt: null,
  builtinVersion: null,
});

describe('checks and changing code tables', () => {
  let rows: Array<Record<string, string>>;
  beforeEach(() => {
    queryClient.clear();
    rows = [
      { code: '2201', name_zh: '浦江海关' },
      { code: '2248', name_zh: '洋山港区' },
    ];
    setBridge(
      createFakeBridge({
        'codes.tables': () => ({ ok: true, value: [summary(rows.length)] }),
        'declarations.timeline': () => ({ ok: true, value: [] }),
        'codes.snapshot': () => ({
          ok: true,
          value: { tables: [{ id: 'customs-districts', version: `v${rows.length}`, complete: true, rows }] },
        }),
      }).bridge,
    );
  });

  it('a refusal from the hub reads the tables again and checks with them', async () => {
    const doc = { head: { IEFlag: 'I', IEPort: '2248' }, lines: [], tables: {} };
    const clean = declarationRecord();
    const { result, rerender } = renderHook(({ record }) => useFindings(doc, record, 'zh-CN'), {
      wrapper,
      initialProps: { record: clean },
    });
    await waitFor(() => expect(result.current.codeName('customs-districts', '2248', 'zh-CN')).toBe('洋山港区'));
    const onPort = () => result.current.listed.filter((f) => f.path === 'head.IEPort').map((f) => f.message);
    expect(onPort()).toEqual([]);

    // The hub's newer table has no 2248; the hub refuses on 进境关别.
    rows = [{ code: '2201', name_zh: '浦江海关' }];
    const refused = {
      ...clean,
      rejection: [{ path: 'head.IEPort', code: 'unknown-code', message: '数据交换中心：进境关别 2248 不在代码表中' }],
    } as unknown as DeclarationRecord;
    rerender({ record: refused });
    await waitFor(() => expect(onPort()).toHaveLength(2));
    // The desk's own finding now, worded as a code missing from the table this desk has.
    expect(onPort()).toContainEqual(expect.stringMatching(/^进境关别：代码 "2248" 不在本机的.+中，请从代码表选择$/));
  });
});
