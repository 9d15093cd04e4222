import pg from 'pg';
import type { StoreEvents } from '../types';

export interface EventChannels {
  receipts: string;
  work: string;
}

/** NOTIFY channel names of one schema (several hubs or test runs may share a database). */
export function channelsFor(schema: string): EventChannels {
  return { receipts: `swhub_${schema}_receipts`, work: `swhub_${schema}_work` };
}

export interface EventListener {
  subscribe(events: StoreEvents): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * One LISTEN connection per process, shared by its subscribers. NOTIFY is delivered at commit, so a
 * hub process's long polls wake when any process (another hub, a worker) commits receipts for
 * their client. When the connection is lost (the database restarted), it is made again with
 * backoff; notifications sent meanwhile are lost, so once listening again every subscriber is
 * told "receipts for anyone" and "work may be due", and looks at the store.
 */
export function createEventListener(
  config: pg.ClientConfig,
  channels: EventChannels,
  log: (error: unknown, message: string) => void,
): EventListener {
  const subscribers = new Set<StoreEvents>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let retry = 0;
  let timer: NodeJS.Timeout | null = null;
  let everConnected = false;

  function dispatch(message: pg.Notification): void {
    for (const s of [...subscribers]) {
      if (message.channel === channels.work) s.work();
      else if (message.channel === channels.receipts) s.receipts(message.payload ? message.payload.split(',') : null);
    }
  }

  function lost(from: pg.Client, error?: unknown): void {
    if (client !== from) return;
    client = null;
    from.removeAllListeners('notification');
    from.end().catch(() => undefined);
    if (closed) return;
    log(error, 'lost the database connection that listens for receipts and work; connecting again');
    schedule();
  }

  function schedule(): void {
    if (closed || timer) return;
    const delay = RETRY_MS[Math.min(retry, RETRY_MS.length - 1)] ?? 5_000;
    retry += 1;
    timer = setTimeout(() => {
      timer = null;
      connect().catch(() => schedule());
    }, delay);
    timer.unref();
  }

  async function open(): Promise<void> {
    const next = new pg.Client(config);
    // Errors before and after connecting both end up here; an unhandled one would end the process.
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${channels.receipts}`);
      await next.query(`LISTEN ${channels.work}`);
    } catch (error) {
      next.removeAllListeners('end');
      next.on('error', () => undefined);
      // Not awaited: after a failed connect, pg's end() can wait for an 'end' that already passed.
      next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    next.on('notification', dispatch);
    client = next;
    retry = 0;
    if (everConnected) {
      // Whatever was notified while this process was not listening is unknown: everyone looks again.
      for (const s of [...subscribers]) {
        s.receipts(null);
        s.work();
      }
    }
    everConnected = true;
  }

  function connect(): Promise<void> {
    connecting ??= open().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  return {
    async subscribe(events) {
      const own: StoreEvents = { receipts: (ids) => events.receipts(ids), work: () => events.work() };
      subscribers.add(own);
      if (!client) {
        try {
          await connect();
        } catch (error) {
          subscribers.delete(own);
          throw error;
        }
      }
      return async () => {
        subscribers.delete(own);
      };
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await connecting?.catch(() => undefined);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => undefined);
      }
    },
  };
}
