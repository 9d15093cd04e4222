import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach } from 'vitest';
import { setBridge } from '../../renderer/api/client';
import { queryClient } from '../../renderer/api/queries';
import { useUi } from '../../renderer/state/ui-store';
import { createFakeBridge } from './fake-bridge';

/**
 * Renders a part of the app on a fake bridge answering as given, inside the app's own query client (as the app
 * renders it); returns the fake, to read the calls it received.
 */
export function renderWithBridge(answers: Parameters<typeof createFakeBridge>[0], ui: ReactNode) {
  const fake = createFakeBridge(answers);
  setBridge(fake.bridge);
  render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return fake;
}

/**
 * Renders a part on a fake bridge in a query client of its own that never retries: nothing another test cached is
 * there, and each call the part makes is seen once (a refused one is not asked again). Returns the fake.
 */
export function renderOnOwnClient(answers: Parameters<typeof createFakeBridge>[0], ui: ReactNode) {
  const fake = createFakeBridge(answers);
  setBridge(fake.bridge);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      {ui}
    </QueryClientProvider>,
  );
  return fake;
}

/**
 * The tests of a describe block each start with nothing in the app's query cache and the UI in Chinese with no
 * notices, and are unmounted when they end, the UI put back in Chinese with no notices for the tests after them.
 */
export function screenPerTest(): void {
  beforeEach(() => {
    queryClient.clear();
    useUi.setState({ locale: 'zh-CN', notices: [], waiting: [] });
  });
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN', notices: [], waiting: [] });
  });
}
