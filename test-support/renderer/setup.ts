import { afterEach, vi } from 'vitest';
import { takeContractBreaches } from './contract-breaches';

// The dom project runs its files one after another in a process (isolate: false in vitest.config.ts), which spares
// a process, a happy-dom and React loaded again for every file. Each file still gets the app's own modules afresh —
// its zustand stores, its fake bridge — so no state carries from one file into the next.
vi.resetModules();

// A renderer test fails when a fake bridge saw a call, an answer or an event that breaks the
// contract, even if the page caught the error it threw.
afterEach(() => {
  const breaches = takeContractBreaches();
  if (breaches.length > 0) throw new Error(`fake bridge: ${breaches.join('\n')}`);
});
