import { describe, expect, it } from 'vitest';
import { declarationSummary } from '../../../test-support/shared/records';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';
import { messages } from '../../i18n/messages';
import { csvFileName, toCsv, visibleColumns } from './list-columns';
import { toQuery } from './list-store';

const base = {
  text: '',
  field: '' as const,
  status: [],
  from: '',
  to: '',
  sort: 'updatedAt' as const,
  direction: 'desc' as const,
  page: 0,
  pageSize: 50,
};

describe('declaration list helpers', () => {
  restoreTimeZoneAfterEach();

  it('builds the contract query from the filters, leaving out what is empty or half-typed', () => {
    expect(toQuery(base)).toEqual({ sort: 'updatedAt', direction: 'desc', limit: 50, offset: 0 });
    expect(
      toQuery({
        ...base,
        text: ' COSU61 ',
        field: 'billNo',
        status: ['draft'],
        from: '2026-11-01',
        to: '2026-1',
        page: 2,
        pageSize: 20,
      }),
    ).toEqual({
      text: 'COSU61',
      field: 'billNo',
      status: ['draft'],
      from: '2026-11-01',
      sort: 'updatedAt',
      direction: 'desc',
      limit: 20,
      offset: 40,
    });
    expect(toQuery({ ...base, field: 'billNo' })).not.toHaveProperty('field');
  });

  it('names the exported file by the machine’s day, as the times in it are written', () => {
    // 20:00Z on the 7th is 04:00 on the 8th in China.
    process.env.TZ = 'Asia/Shanghai';
    expect(csvFileName(new Date('2026-12-07T20:00:00.000Z'))).toBe('declarations-2026-12-08.csv');
  });

  it("always shows 客户端编号 (it opens the declaration) and keeps the list's column order", () => {
    expect(visibleColumns(['status', 'billNo']).map((c) => c.id)).toEqual(['clientSeqNo', 'status', 'billNo']);
    expect(visibleColumns([]).map((c) => c.id)).toContain('tradeName');
  });

  it('exports CSV with a BOM, quoting what needs it, its times on the machine’s clock', () => {
    // China time on the machine: 09:30Z is written 17:30, as the list shows it.
    process.env.TZ = 'Asia/Shanghai';
    const item = declarationSummary({
      clientSeqNo: 'SW1',
      tradeName: '上海"鲜果",有限公司',
      billNo: 'B1',
      lineCount: 3,
      createdAt: '2026-11-22T08:00:00.000Z',
      updatedAt: '2026-11-22T09:30:00.000Z',
    });
    const csv = toCsv([item], visibleColumns(['status', 'tradeName', 'updatedAt']), messages['zh-CN'], 'zh-CN');
    expect(csv).toBe(
      '\uFEFF客户端编号,状态,境内收发货人,更新时间\r\nSW1,草稿,"上海""鲜果"",有限公司",2026-11-22 17:30\r\n',
    );
  });
});
