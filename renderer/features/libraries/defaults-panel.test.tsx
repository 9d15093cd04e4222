import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeclarationDefaults } from '../../../shared/api';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { renderWithBridge } from '../../../test-support/renderer/render-with-bridge';
import { DefaultsPanel } from './defaults-panel';
import { lineDefaults } from './library-pickers';

const stored: DeclarationDefaults = {
  profileId: '01a2049e-b64f-7413-8ff9-000000000001',
  operator: '王芳',
  head: { TradeMode: '0110', TrafMode: '2' },
  line: { DutyMode: '1', TradeCurr: 'USD' },
  import: { head: { IEPort: '2248' }, line: {} },
  export: { head: { IEPort: '2201' }, line: { DutyMode: '3' } },
};

function setup(answers: Parameters<typeof renderWithBridge>[0]) {
  return renderWithBridge(answers, <DefaultsPanel />);
}

describe('defaults panel', () => {
  afterEach(() => {
    cleanup();
    queryClient.clear();
  });

  it('shows and saves the defaults for both directions, imports only or exports only, each with its own labels', async () => {
    const fake = setup({
      'defaults.get': () => ({ ok: true, value: stored }),
      'defaults.update': (input) => ({
        ok: true,
        value: { ...stored, export: { head: (input as { head: Record<string, string> }).head, line: {} } },
      }),
    });
    expect(((await screen.findByLabelText('监管方式')) as HTMLInputElement).value).toBe('0110');
    expect(screen.getByRole('radio', { name: '进出口通用' })).toHaveProperty('checked', true);

    fireEvent.click(screen.getByRole('radio', { name: '仅进口' }));
    expect((screen.getByLabelText('进境关别') as HTMLInputElement).value).toBe('2248');
    expect((screen.getByLabelText('监管方式') as HTMLInputElement).value).toBe('');

    fireEvent.click(screen.getByRole('radio', { name: '仅出口' }));
    expect(screen.getByText('只用于出口报关单，优先于通用的默认值；留空的栏目用通用的值')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('出境关别'), { target: { value: '2244' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.method === 'defaults.update')?.input).toEqual({
        direction: 'E',
        head: { IEPort: '2244' },
        line: { DutyMode: '3' },
      }),
    );
    await waitFor(() => expect(useUi.getState().notices.at(-1)?.message('zh-CN')).toBe('默认值已保存'));
    // Worded when shown: the same notice in English once the broker switches.
    expect(useUi.getState().notices.at(-1)?.message('en')).toBe('Defaults saved');
  });

  it('shows a refusal on the field it names, in Chinese', async () => {
    const issue = {
      path: 'head.IEPort',
      code: 'unknown-code',
      message: 'Port of exit: 9999 is not in the code table',
      // The checks' finding with its values and direction: the renderer words it.
      params: { value: '9999', ieFlag: 'E' },
    };
    setup({
      'defaults.get': () => ({ ok: true, value: stored }),
      'defaults.update': () => ({ ok: false, error: { code: 'BAD_INPUT', message: issue.message, issues: [issue] } }),
    });
    fireEvent.click(await screen.findByRole('radio', { name: '仅出口' }));
    fireEvent.change(screen.getByLabelText('出境关别'), { target: { value: '9999' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('出境关别：代码 "9999" 不在本机的「代码表」中，请从代码表选择')).toBeTruthy();
  });

  it('gives a new goods line the shared line defaults with its declaration’s direction’s own over them', () => {
    expect(lineDefaults('E')).toEqual({});
    queryClient.setQueryData(['defaults'], stored);
    expect(lineDefaults('I')).toEqual({ DutyMode: '1', TradeCurr: 'USD' });
    expect(lineDefaults('E')).toEqual({ DutyMode: '3', TradeCurr: 'USD' });
  });
});
