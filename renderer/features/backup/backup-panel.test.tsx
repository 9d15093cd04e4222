import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/api';
import { manualBackup } from '../../../test-support/shared/records';
import { adminMessages } from '../../i18n/admin-messages';
import { messages } from '../../i18n/messages';
import { useUi } from '../../state/ui-store';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { BackupPanel } from './backup-panel';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });

describe('设置 → 备份 (fake bridge)', () => {
  screenPerTest();

  it('heads the column of the backups’ restore buttons with the app’s one word for row buttons, in zh and en', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      useUi.setState({ locale });
      renderWithBridge({ 'backup.list': () => ok([manualBackup]) }, <BackupPanel />);
      const table = await screen.findByRole('table', { name: adminMessages[locale].backups });
      await within(table).findByRole('button');
      const heads = within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent ?? '');
      expect(heads.filter((head) => head === '')).toEqual([]);
      expect(heads.at(-1)).toBe(messages[locale].actionsColumn);
      cleanup();
    }
  });
});
