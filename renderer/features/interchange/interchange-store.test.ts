import { describe, expect, it } from 'vitest';
import { useInterchange } from './interchange-store';
import { lineImportWritten } from '../../../test-support/shared/records';

describe('interchange dialogs', () => {
  it('a dialog that reports its closing late does not close the one opened after it', () => {
    const report = lineImportWritten();
    useInterchange.getState().open('lines', 'id');
    useInterchange.getState().showReport(report);
    useInterchange.getState().close('lines');
    expect(useInterchange.getState().dialog).toBe('report');
    useInterchange.getState().close('report');
    expect(useInterchange.getState().dialog).toBeNull();
  });
});
