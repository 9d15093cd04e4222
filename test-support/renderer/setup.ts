import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, vi } from 'vitest';
import { takeContractBreaches } from './contract-breaches';

// The dom project runs its files one after another in a process (isolate: false in vitest.config.ts), which spares
// a process, a happy-dom and React loaded again for every file. Each file still gets the app's own modules afresh —
// its zustand stores, its fake bridge — so no state carries from one file into the next.
vi.resetModules();

// Nor does a file's page: what a file rendered and left mounted (a file without its own cleanup) is unmounted and the
// document emptied when it ends, or the next file in the process finds it (a print form's three goods headers among
// a table's column heads).
afterAll(() => {
  // A file of this project may run without a page (its own environment comment).
  if (typeof document === 'undefined') return;
  cleanup();
  document.body.replaceChildren();
});

// A renderer test fails when a fake bridge saw a call, an answer or an event that breaks the
// contract, even if the page caught the error it threw.
afterEach(() => {
  const breaches = takeContractBreaches();
  if (breaches.length > 0) throw new Error(`fake bridge: ${breaches.join('\n')}`);
});
