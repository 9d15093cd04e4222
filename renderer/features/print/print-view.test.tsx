import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeTableSummaryDto } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { PrintView } from './print-view';
import { declarationRecord } from '../../../test-support/shared/records';

// The print preview with a fake bridge standing in for main, which answers the code tables late.

const record = declarationRecord({
  id: '0190a4d2-0000-7000-8000-000000000001',
  clientSeqNo: 'SW2612060001',
  tradeName: '上海鲜果贸易有限公司',
  createdAt: '2026-12-06T00:00:00.000Z',
  updatedAt: '2026-12-06T00:00:00.000Z',
  doc: { head: { IEFlag: 'I', IEPort: '2248' }, lines: [], tables: {} },
});

const districts: CodeTableSummaryDto = {
  id: 'customs-districts',
  zh: '关区代码',
  en: 'Customs districts',
  builtin: 'partial',
  version: '1',
  origin: 'import',
  complete: true,
  rowCount: 1,
  source: null,
  asOf: '',
  updatedAt: null,
  builtinVersion: null,
};

describe('the print preview', () => {
  afterEach(() => {
    cleanup();
    queryClient.clear();
  });

  it('shows and prints the form once the code tables are read, so 关别 and every coded box carry their names', async () => {
    let answer: () => void = () => undefined;
    const snapshotAsked = new Promise<void>((resolve) => {
      setBridge(
        createFakeBridge({
          'declarations.get': () => ({ ok: true, value: record }),
          'codes.tables': () => ({ ok: true, value: [districts] }),
          'codes.snapshot': () => {
            resolve();
            return new Promise((done) => {
              answer = () =>
                done({
                  ok: true,
                  value: {
                    tables: [
                      {
                        id: 'customs-districts',
                        version: '1',
                        complete: true,
                        rows: [{ code: '2248', name_zh: '洋山港区' }],
                      },
                    ],
                  },
                });
            });
          },
        }).bridge,
      );
    });
    render(
      <QueryClientProvider client={queryClient}>
        <PrintView id={record.id} />
      </QueryClientProvider>,
    );
    await snapshotAsked;
    expect(document.querySelector('[data-box="IEPort"]')).toBeNull();
    expect((screen.getByRole('button', { name: '打印' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => answer());
    const port = await screen.findByText('洋山港区 (2248)');
    expect(port.closest('[data-box="IEPort"]')).not.toBeNull();
    expect((screen.getByRole('button', { name: '打印' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
