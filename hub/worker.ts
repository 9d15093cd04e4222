import type { HubConfig } from './config';
import type { HubLogger } from './logging';
import { createCustomsProcessor } from './processor/customs-processor';
import type { HubStore } from './store/types';

export interface Worker {
  /** Stops after the transaction in progress (nothing half-issued), stops listening, closes the store. */
  stop(): Promise<void>;
}

/**
 * A customs processor on its own (`npm run hub -- worker`): it shares the queue with the other
 * workers and hub processes through the database (each claims rows the others skip), wakes when a
 * hub queues work or a step falls due, and resumes whatever a killed worker left.
 */
export async function startWorker(deps: {
  config: HubConfig;
  store: HubStore;
  log: HubLogger;
  now?: () => number;
}): Promise<Worker> {
  const processor = createCustomsProcessor({
    store: deps.store,
    config: deps.config.processor,
    now: deps.now ?? Date.now,
    log: deps.log,
  });
  const unsubscribe = await deps.store.subscribe({ receipts: () => undefined, work: () => processor.kick() });
  processor.kick();
  // The process lives until it is told to stop: while the database is away it holds no connection
  // and its timers do not keep Node running, so this does.
  const alive = setInterval(() => undefined, 1 << 30);
  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= (async () => {
        clearInterval(alive);
        await processor.stop();
        await unsubscribe();
        await deps.store.close();
      })();
      return stopped;
    },
  };
}
