import { useCallback, useRef, useState } from 'react';
import { ApiCallError, errorNotice, failureLine } from '../api/client';
import type { NoticeText } from '../state/ui-store';
import { useUi } from '../state/ui-store';
import { useFailureState } from './failure-line';

/**
 * One call at a time from a panel's buttons: `busy` while it runs (the buttons are disabled on it), a second start
 * meanwhile ignored (a double click, or a key pressed again before React has drawn the disabled button), a failure
 * handed to `refused`, and busy cleared after either. A ref guards the start: the `busy` a handler closed over may be
 * that of a render before the first start.
 */
export function useBusy(): {
  busy: boolean;
  run(work: () => Promise<void>, refused: (e: unknown) => void): Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = useCallback(async (work: () => Promise<void>, refused: (e: unknown) => void): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } catch (e) {
      refused(e);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}

/** A failure as a notice in the UI language: for a bar's action, which has no line of its own to show it under. */
export function refusalNotice(e: unknown): void {
  useUi.getState().notify({ kind: 'error', message: errorNotice(e) });
}

/** A failure because the signing key is locked behind its passphrase opens the passphrase dialog. */
export function askPassphraseIfLocked(e: unknown): void {
  if (e instanceof ApiCallError && e.code === 'PASSPHRASE_REQUIRED') useUi.getState().setPassphraseOpen(true);
}

/**
 * A panel's call with the failure line under its forms (FailureLine): the line is cleared when a call starts and
 * holds the failure worded by `word` (default: main's reason with the fields it named), worded again in the UI
 * language each time it is shown. `also` does what the panel does besides on a failure (open the passphrase dialog
 * for a locked key). `setError` is for what the panel finds wrong itself.
 */
export function useBusyCall(word: (e: unknown) => NoticeText = failureLine) {
  const { busy, run: runBusy } = useBusy();
  const [error, setError] = useFailureState();
  const run = (work: () => Promise<void>, also?: (e: unknown) => void): Promise<void> =>
    runBusy(
      async () => {
        setError(null);
        await work();
      },
      (e) => {
        also?.(e);
        setError(word(e));
      },
    );
  return { busy, error, setError, run };
}
