import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach } from 'vitest';
import { setBridge } from '../../renderer/api/client';
import { queryClient } from '../../renderer/api/queries';
import { useUi } from '../../renderer/state/ui-store';
import { createFakeBridge } from './fake-bridge';

/**
 * Renders a part of the app on a fake bridge answering as given, inside the app's own query client (as the app
 * renders it); returns the fake, to read the calls it received.
 */
export function renderWithBridge(answers: Parameters<typeof createFakeBridge>[0], ui: ReactElement) {
  const fake = createFakeBridge(answers);
  setBridge(fake.bridge);
  render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return fake;
}

/**
 * The tests of a describe block each start with nothing in the app's query cache and the UI in Chinese with no
 * notices, and are unmounted when they end, the UI put back in Chinese with no notices for the tests after them.
 */
export function screenPerTest(): void {
  beforeEach(() => {
    queryClient.clear();
    useUi.setState({ locale: 'zh-CN', notices: [] });
  });
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN', notices: [] });
  });
}
