import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useUi } from '../../state/ui-store';
import { ExtractUndoBar } from './undo-bar';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { declarationRecord } from '../../../test-support/shared/records';

const ID = '0190f0d2-0000-7000-8000-000000000002';
const record = declarationRecord({ id: ID, clientSeqNo: 'SW0000000042', revision: 6 });
const ok = (value: unknown) => () => ({ ok: true as const, value });
const write = { revision: 5, lines: 2, fileNames: 'invoice.pdf, packing-list.pdf', writtenAt: 't', current: false };

describe('撤销 of lines written from documents, over the editor', () => {
  screenPerTest();
  afterEach(() => act(() => useUi.getState().select(null)));

  it('is offered from what main kept (not from this window’s memory), and a refusal is worded and ends the offer', async () => {
    let kept: typeof write | null = write;
    const fake = renderWithBridge(
      {
        'declarations.get': ok(record),
        'extract.lastWrite': () => ({ ok: true, value: kept }),
        'extract.undo': () => {
          kept = null;
          return {
            ok: false,
            error: {
              code: 'CONFLICT',
              message: 'changed',
              reason: 'extract.changed-since-apply',
              params: { seqNo: 'SW0000000042', revision: 6, applied: 5 },
            },
          };
        },
      },
      <ExtractUndoBar />,
    );
    act(() => useUi.getState().select(ID));
    expect((await screen.findByRole('status')).textContent).toContain('已从单据写入 2 项商品到报关单 SW0000000042');
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(fake.calls.find((c) => c.method === 'extract.undo')?.input).toEqual({ id: ID, revision: 5 });
    const notice = useUi.getState().notices.at(-1);
    expect(notice?.kind).toBe('error');
    expect(typeof notice?.message === 'function' ? notice.message('zh-CN') : notice?.message).toContain(
      '写入识别的商品行之后又被修改（现为第 6 版，写入产生第 5 版）',
    );
  });
});
