import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { setBridge } from '../../renderer/api/client';
import { queryClient } from '../../renderer/api/queries';
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
