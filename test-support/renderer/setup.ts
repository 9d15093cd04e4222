import { afterEach } from 'vitest';
import { takeContractBreaches } from './fake-bridge';

// A renderer test fails when a fake bridge saw a call, an answer or an event that breaks the
// contract, even if the page caught the error it threw.
afterEach(() => {
  const breaches = takeContractBreaches();
  if (breaches.length > 0) throw new Error(`fake bridge: ${breaches.join('\n')}`);
});
