import { vi } from 'vitest';

// For the projects whose files share a worker process (isolate: false in vitest.config.ts): each file imports the
// repository's modules afresh, so no module-level state (a cache, a store) carries from one file into the next.
// What node_modules holds stays loaded, which is the time saved.
vi.resetModules();
