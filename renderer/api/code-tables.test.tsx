import { act, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { createClientCodeLookup } from '../../shared/code-tables/client-lookup';
import { renderWithBridge } from '../../test-support/renderer/render-with-bridge';
import { useTariffInfos } from './code-tables';
import { queryClient } from './queries';

const code = '0808100000';

/** Shows what the checks would say of a line's 商品编号 now: true in the tariff, false not in it, undefined unknown. */
function Probe() {
  const tariff = useTariffInfos([code], true);
  const known = createClientCodeLookup({
    tables: [],
    tariff: { complete: true, asked: tariff.asked, found: [...tariff.byCode.values()] },
  }).has('tariff', code);
  return <output data-testid="known">{String(known)}</output>;
}

describe('the tariff lines the editor checks with (fake bridge)', () => {
  beforeEach(() => queryClient.clear());

  it('knows nothing of a code while main has not answered for it, so 申报 pressed at once is not refused on it', async () => {
    let answer: (result: ApiResult<unknown>) => void = () => undefined;
    const fake = renderWithBridge(
      { 'tariff.getMany': () => new Promise<ApiResult<unknown>>((resolve) => (answer = resolve)) },
      <Probe />,
    );
    await waitFor(() => expect(fake.calls.map((c) => c.method)).toContain('tariff.getMany'));
    // Asked, not answered yet: the code is not known to be missing (it was refused as "not in the tariff").
    expect(screen.getByTestId('known').textContent).toBe('undefined');
    // Main answers that the complete tariff has no such line: now it is known to be missing.
    await act(async () => answer({ ok: true, value: [] }));
    await waitFor(() => expect(screen.getByTestId('known').textContent).toBe('false'));
  });
});
