import { act, cleanup, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeclarationRecord } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n/locale';
import { setBridge } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { createFakeBridge, type FakeCall } from '../../../test-support/renderer/fake-bridge';
import { declarationRecord } from '../../../test-support/shared/records';
import { firstOnScreen, useDeclare, type DeclareDeps } from './declare-button';
import { ErrorPanel } from './error-panel';

const record: DeclarationRecord = declarationRecord({ clientSeqNo: 'SW2612060001' });
/** Main's answer to a declaration it queued. */
const queued = { ok: true as const, value: { id: record.id, submissionId: 'SUB-1', workflow: 'queued' } };
const cjk = /[\u4e00-\u9fff]/;

/** Main's refusal when its checks find what the editor's did not (its code tables are newer). */
const mainRefuses = {
  ok: false as const,
  error: {
    code: 'VALIDATION_FAILED',
    message: '1 处错误，无法申报 / 1 error(s): fix them before declaring',
    issues: [
      {
        path: 'head.IEPort',
        code: 'unknown-code',
        message: '进境关别：代码 "2299" 不在代码表中，请从代码表选择',
        params: { value: '2299' },
      },
    ],
  },
};

describe('申报 (F9) with errors', () => {
  let calls: FakeCall[];
  let jumps: string[];
  let rechecks: number;
  let errors: string[];
  let stops: number;

  function mount(locale: Locale, answer: () => unknown = () => queued) {
    useUi.getState().setLocale(locale);
    const fake = createFakeBridge({
      'declarations.declare': answer as never,
      'declarations.get': () => ({ ok: true, value: record }),
    });
    calls = fake.calls;
    setBridge(fake.bridge);
    const deps: DeclareDeps = {
      beforeDeclare: async () => undefined,
      errorsNow: () => errors,
      jump: (path) => void jumps.push(path),
      recheck: () => void rechecks++,
      stopped: () => void stops++,
    };
    return renderHook(() => useDeclare(record, deps));
  }

  beforeEach(() => {
    jumps = [];
    rechecks = 0;
    stops = 0;
    errors = [];
    // Without the confirmation before 申报 (declare-confirm.test.tsx tests it): what happens once it goes ahead.
    useUi.setState({ prefs: { confirmDeclare: 'never', computeLines: true } });
  });
  afterEach(() => {
    cleanup();
    // The UI language is app-wide: the next test (and file) starts in Chinese again.
    useUi.getState().setLocale('zh-CN');
  });

  it('goes to the first error on screen and says why in Chinese only, without asking main', async () => {
    errors = ['lines[0].GQty', 'head.TradeMode', 'head.IEPort'];
    const { result } = mount('zh-CN');
    await act(() => result.current.declare());
    expect(calls.filter((c) => c.method === 'declarations.declare')).toEqual([]);
    expect(jumps).toEqual(['head.IEPort']);
    expect(result.current.refusal?.issues).toEqual([]);
    expect(result.current.refusal?.message('zh-CN')).toBe('还有 3 处错误，改正后才能申报');
    // Worded when shown: the same refusal in English after a language switch.
    expect(result.current.refusal?.message('en')).toBe('3 errors to fix before declaring');
    // The fields still to fill are errors from now on.
    expect(stops).toBe(1);
  });

  it('says it in English only in the English UI', async () => {
    errors = ['head.TradeMode'];
    const { result } = mount('en');
    await act(() => result.current.declare());
    expect(result.current.refusal?.message('en')).toBe('1 error to fix before declaring');
    expect(result.current.refusal?.message('en')).not.toMatch(cjk);
  });

  it("shows main's findings in the UI language when its checks refuse, goes to the first and checks again", async () => {
    const { result } = mount('en', () => mainRefuses);
    await act(() => result.current.declare());
    expect(calls.map((c) => c.method)).toContain('declarations.declare');
    expect(jumps).toEqual(['head.IEPort']);
    expect(rechecks).toBe(1);
    expect(stops).toBe(1);
    const refusal = result.current.refusal;
    expect(refusal?.message('en')).toBe('1 error to fix before declaring');
    expect(refusal?.issues).toHaveLength(1);
    expect(refusal?.issues[0]?.path).toBe('head.IEPort');
    expect(refusal?.issues[0]?.message('en')).toContain('2299');
    expect(refusal?.issues[0]?.message('en')).not.toMatch(cjk);
    // Worded when shown: the broker switches to Chinese with the refusal on screen in the error panel.
    expect(refusal?.issues[0]?.message('zh-CN')).toMatch(/^进出境关别：.*2299/);
    render(<ErrorPanel findings={[]} errorCount={0} refusal={refusal ?? null} onJump={() => undefined} />);
    const field = () => within(screen.getByRole('alert')).getByRole('button');
    expect(field().textContent).toMatch(/^(?!.*[\u4e00-\u9fff]).*2299/);
    act(() => useUi.getState().setLocale('zh-CN'));
    expect(field().textContent).toMatch(/^进出境关别：.*2299/);
    expect(screen.getByRole('alert').textContent).toContain('还有 1 处错误');
  });

  it('declares when there is no error, and a new attempt clears the last refusal', async () => {
    errors = ['head.TradeMode'];
    const { result } = mount('zh-CN');
    await act(() => result.current.declare());
    expect(result.current.refusal).not.toBeNull();
    errors = [];
    await act(() => result.current.declare());
    expect(calls.map((c) => c.method)).toContain('declarations.declare');
    expect(stops).toBe(1);
    expect(result.current.refusal).toBeNull();
  });

  it('asks for the passphrase when the key is locked, and declares by itself once it is unlocked', async () => {
    let locked = true;
    const { result } = mount('zh-CN', () =>
      locked
        ? {
            ok: false,
            error: {
              code: 'PASSPHRASE_REQUIRED',
              message: 'Enter the passphrase',
              reason: 'keys.passphrase-required-for',
              params: { action: 'sign' },
            },
          }
        : queued,
    );
    await act(() => result.current.declare());
    const { passphraseOpen, afterUnlock } = useUi.getState();
    expect(passphraseOpen).toBe(true);
    expect(calls.filter((c) => c.method === 'declarations.declare')).toHaveLength(1);

    // What the passphrase dialog does once the key is unlocked.
    locked = false;
    await act(async () => {
      useUi.getState().setPassphraseOpen(false);
      afterUnlock?.();
      await Promise.resolve();
    });
    await waitFor(() => expect(calls.filter((c) => c.method === 'declarations.declare')).toHaveLength(2));
    expect(result.current.refusal).toBeNull();
  });

  it('orders fields as the screen shows them: head boxes, goods lines, then the signature block', () => {
    expect(firstOnScreen(['lines[1].GName', 'lines[0].GQty'], 'I')).toBe('lines[0].GQty');
    expect(firstOnScreen(['lines[0].CodeTS', 'head.TradeMode'], 'I')).toBe('head.TradeMode');
    expect(firstOnScreen(['head.AgentName', 'lines[3].CodeTS'], 'I')).toBe('lines[3].CodeTS');
  });
});
