import type { StoreEvents } from './types';

/**
 * Store events for a store only one process writes (SQLite): the store calls them after its own
 * commits, in this process, which is everyone that can be waiting.
 */
export interface LocalEvents extends StoreEvents {
  subscribe(events: StoreEvents): Promise<() => Promise<void>>;
}

export function createLocalEvents(): LocalEvents {
  const subscribers = new Set<StoreEvents>();
  return {
    async subscribe(events) {
      // A wrapper per subscription, so the same handlers subscribed twice are two subscriptions.
      const own: StoreEvents = { receipts: (ids) => events.receipts(ids), work: () => events.work() };
      subscribers.add(own);
      return async () => {
        subscribers.delete(own);
      };
    },
    receipts(clientIds) {
      for (const s of [...subscribers]) s.receipts(clientIds);
    },
    work() {
      for (const s of [...subscribers]) s.work();
    },
  };
}
