import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { templateSummary } from '../../../test-support/shared/records';
import { renderOnOwnClient } from '../../../test-support/renderer/render-with-bridge';
import type { Locale } from '../../../shared/i18n/locale';
import { useUi } from '../../state/ui-store';
import { messages } from '../../i18n/messages';
import { listColumns } from '../declaration-list/list-columns';
import { TemplatePanel } from './template-panel';

const template = templateSummary({ name: '智利车厘子' });

async function headersIn(locale: Locale): Promise<{ headers: string[]; row: string }> {
  useUi.setState({ locale });
  renderOnOwnClient({ 'templates.list': () => ({ ok: true, value: [template] }) }, <TemplatePanel />);
  const row = await screen.findByRole('row', { name: /智利车厘子/ });
  return { headers: screen.getAllByRole('columnheader').map((th) => th.textContent ?? ''), row: row.textContent ?? '' };
}

describe('templates table', () => {
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
  });

  it('names every column, the import/export one too, in Chinese', async () => {
    const { headers, row } = await headersIn('zh-CN');
    expect(headers).toEqual(['选择', '模板名称', '进出口', '包含', '操作']);
    expect(row).toContain('进口');
  });

  it('names every column in English', async () => {
    const { headers, row } = await headersIn('en');
    expect(headers).toEqual(['Select', 'Template name', 'Import or export', 'Keeps', 'Actions']);
    expect(row).toContain('Import');
    expect(row).toContain('Header, Goods lines');
  });

  it('names the import/export column with the declaration list’s word for it, in both languages', async () => {
    const ieColumn = listColumns.find((c) => c.id === 'ieFlag');
    for (const locale of ['zh-CN', 'en'] as const) {
      const { headers } = await headersIn(locale);
      expect(headers[2]).toBe(ieColumn?.label(messages[locale]));
      cleanup();
    }
  });
});
