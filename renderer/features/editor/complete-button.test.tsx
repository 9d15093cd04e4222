import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeclarationRecord } from '../../../shared/api';
import { useUi, noticeText } from '../../state/ui-store';
import { renderWithBridge } from '../../../test-support/renderer/render-with-bridge';
import { declarationRecord } from '../../../test-support/shared/records';
import { CompleteButton, useCompleteDeclaration } from './complete-button';
import { actionFor } from './keymap';

function Harness({ record }: { record: DeclarationRecord }) {
  return <CompleteButton state={useCompleteDeclaration(record)} />;
}

const released = declarationRecord({
  clientSeqNo: 'SW2612070001',
  workflow: 'sent',
  status: 'summary-released',
  channel: 'P',
  entryId: '222620261000000001',
  twoStep: 'summary',
});

afterEach(() => {
  cleanup();
  useUi.setState({ locale: 'zh-CN', notices: [] });
});

describe('完整申报 on a released 概要申报', () => {
  it('opens the same declaration as its 完整申报 through main, and says so', async () => {
    const fake = renderWithBridge(
      {
        'declarations.complete': () => ({ ok: true, value: { id: released.id, revision: 9, workflow: 'draft' } }),
        'declarations.get': () => ({ ok: true, value: released }),
      },
      <Harness record={released} />,
    );
    const button = screen.getByRole('button', { name: '完整申报' });
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+W');
    fireEvent.click(button);
    await waitFor(() => expect(useUi.getState().notices).toHaveLength(1));
    expect(fake.calls.filter((c) => c.method === 'declarations.complete').map((c) => c.input)).toEqual([
      { id: released.id },
    ]);
    const notice = useUi.getState().notices[0];
    expect(notice && noticeText(notice, 'zh-CN')).toBe('已转入完整申报：请补填其余项目后申报（F9）');
  });

  it('is not offered on a 概要 not yet released, nor on a one-step declaration released', () => {
    renderWithBridge(
      {},
      <>
        <Harness record={{ ...released, status: 'accepted', channel: 'L' }} />
        <Harness record={{ ...released, status: 'released', twoStep: null }} />
      </>,
    );
    expect(screen.queryByRole('button', { name: '完整申报' })).toBeNull();
  });

  it('shows main’s refusal in the UI language', async () => {
    useUi.setState({ locale: 'en' });
    renderWithBridge(
      {
        'declarations.complete': () => ({
          ok: false,
          error: {
            code: 'INVALID_STATE',
            message: 'refused',
            reason: 'declarations.transition-refused',
            params: { seqNo: 'SW2612070001', event: 'complete', status: 'draft' },
          },
        }),
      },
      <Harness record={released} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Complete declaration' }));
    await waitFor(() => expect(useUi.getState().notices).toHaveLength(1));
    const notice = useUi.getState().notices[0];
    expect(notice?.kind).toBe('error');
    expect(notice && noticeText(notice, 'en')).toBe(
      'Declaration SW2612070001 is Draft and cannot be opened for its full declaration now',
    );
  });

  it('has a key: Alt+Shift+W in the editor', () => {
    const event = { key: 'W', code: 'KeyW', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false };
    expect(actionFor(event, 'editor')).toBe('complete-declaration');
    expect(actionFor(event, 'app')).toBeNull();
  });
});
