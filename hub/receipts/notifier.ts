/**
 * Wakes long polls (`GET /v1/receipts?wait=`) when the processor issues
 * receipts for their client, when their time is up, or when the hub shuts
 * down. A waiter is only a hint to look again; the store is the truth.
 */
export interface ReceiptNotifier {
  /** Changes each time the client is notified; read it before looking in the store. */
  generation(clientId: string): number;
  /** Resolves on the next notification after `since` (at once if one already came), after `ms`, or on abort. */
  wait(clientId: string, since: number, ms: number, signal?: AbortSignal): Promise<void>;
  notify(clientIds: Iterable<string>): void;
  /** Every client may have new receipts (events were lost): every waiter looks again. */
  notifyAll(): void;
  wakeAll(): void;
  waiting(clientId: string): number;
}

export function createReceiptNotifier(): ReceiptNotifier {
  const waiters = new Map<string, Set<() => void>>();
  const generations = new Map<string, number>();
  // Added to every client's generation, so one step of it reaches clients not yet in the map.
  let everyone = 0;
  const generationOf = (clientId: string) => (generations.get(clientId) ?? 0) + everyone;

  return {
    generation: generationOf,
    wait(clientId, since, ms, signal) {
      return new Promise<void>((resolve) => {
        if (generationOf(clientId) !== since) {
          resolve();
          return;
        }
        let set = waiters.get(clientId);
        if (!set) {
          set = new Set();
          waiters.set(clientId, set);
        }
        const own = set;
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          own.delete(done);
          if (own.size === 0 && waiters.get(clientId) === own) waiters.delete(clientId);
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, ms));
        own.add(done);
        if (signal?.aborted) done();
        else signal?.addEventListener('abort', done, { once: true });
      });
    },
    notify(clientIds) {
      for (const id of clientIds) {
        // One entry per client that ever got receipts: bounded by the enrolled clients.
        generations.set(id, (generations.get(id) ?? 0) + 1);
        for (const wake of [...(waiters.get(id) ?? [])]) wake();
      }
    },
    notifyAll() {
      everyone += 1;
      for (const set of [...waiters.values()]) for (const wake of [...set]) wake();
    },
    wakeAll() {
      for (const set of [...waiters.values()]) for (const wake of [...set]) wake();
    },
    waiting(clientId) {
      return waiters.get(clientId)?.size ?? 0;
    },
  };
}
