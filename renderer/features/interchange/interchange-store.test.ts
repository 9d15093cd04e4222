import { describe, expect, it } from 'vitest';
import type { LineImportReport } from '../../../shared/api';
import { useInterchange } from './interchange-store';

describe('interchange dialogs', () => {
  it('a dialog that reports its closing late does not close the one opened after it', () => {
    const report = {
      written: true,
      rowCount: 1,
      imported: 1,
      revision: 2,
      created: [],
      errors: [],
      errorCount: 0,
      warnings: [],
      warningCount: 0,
      mapped: [],
      mappedCount: 0,
      profileId: null,
    } satisfies LineImportReport;
    useInterchange.getState().open('lines', 'id');
    useInterchange.getState().showReport(report);
    useInterchange.getState().close('lines');
    expect(useInterchange.getState().dialog).toBe('report');
    useInterchange.getState().close('report');
    expect(useInterchange.getState().dialog).toBeNull();
  });
});
