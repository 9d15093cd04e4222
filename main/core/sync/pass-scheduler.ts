/**
 * One pass at a time, for both sync transports (the hub engine and the e-port
 * folder bridge): a pass requested while one runs marks that another is due
 * instead of running in parallel; triggers are debounced; after each pass the
 * next one is scheduled.
 */
export function createPassScheduler(options: {
  run(): Promise<void> | void;
  onError(error: unknown): void;
  /** Called when a pass starts and ends (to publish status). */
  onChange(): void;
  /** When the next scheduled pass is due, in ms from now. */
  nextDelayMs(): number;
  debounceMs: number;
}) {
  let running = false;
  let passing: Promise<void> | null = null;
  let again = false;
  let debounce: NodeJS.Timeout | null = null;
  let timer: NodeJS.Timeout | null = null;

  function schedule(): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void pass(), options.nextDelayMs());
  }

  /** Runs a pass now, or marks that another is needed when one is running. */
  function pass(): Promise<void> {
    if (passing) {
      again = true;
      return passing;
    }
    passing = (async () => {
      options.onChange();
      // A macrotask first, so a pass never runs inside the caller's transaction or event.
      await new Promise((resolve) => setImmediate(resolve));
      do {
        again = false;
        try {
          await options.run();
        } catch (error) {
          options.onError(error);
        }
      } while (again && running);
    })().finally(() => {
      passing = null;
      options.onChange();
      schedule();
    });
    return passing;
  }

  return {
    pass,
    /** A pass after `delayMs` (debounced: later triggers push it back). */
    trigger(delayMs = options.debounceMs): void {
      if (!running) return;
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => {
        debounce = null;
        void pass();
      }, delayMs);
    },
    isPassing: () => passing !== null,
    isRunning: () => running,
    start(): void {
      running = true;
    },
    async stop(): Promise<void> {
      running = false;
      if (debounce) clearTimeout(debounce);
      if (timer) clearTimeout(timer);
      await Promise.allSettled([passing]);
    },
  };
}

export type PassScheduler = ReturnType<typeof createPassScheduler>;
