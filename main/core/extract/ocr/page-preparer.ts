import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { PreparedPage } from './clear-rules';

/** What the thread is asked: prepare this PNG. */
export interface PreparationAsk {
  id: number;
  png: Uint8Array;
}

/** What it answers: the prepared page, or the error preparing it threw. */
export type PreparationAnswer = { id: number; page: PreparedPage } | { id: number; error: unknown };

/** Makes pages ready for OCR off the calling thread; a page is given up with its signal. */
export interface PagePreparer {
  prepare(png: Uint8Array, signal?: AbortSignal): Promise<PreparedPage>;
  /** Ends the thread (a later page starts another). */
  close(): Promise<void>;
}

/**
 * Starts the preparation thread from `file`: the bundled worker of a build, or prepare-page-worker.ts itself, which
 * Node runs through tsx's CommonJS hook (found from the file, in the repository's node_modules) when it is TypeScript.
 */
export function preparationThread(file: string): Worker {
  if (!file.endsWith('.ts')) return new Worker(file);
  const tsx = createRequire(file).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).require(${JSON.stringify(file)}, ${JSON.stringify(file)});`, {
    eval: true,
  });
}

/**
 * preparePage (clear-rules.ts) on a worker thread: a 240 dpi page takes one to four seconds of CPU under load, which on
 * the app's main thread would hold up every request the desk makes meanwhile (a save, a keystroke's check). One
 * thread, started at the first page and kept for the next; a cancelled page ends it, which is the only way to stop
 * work in progress on another thread. A failure comes back as the error preparing the page threw, as if it had run
 * here.
 */
export function pagePreparer(start: () => Worker): PagePreparer {
  let thread: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (page: PreparedPage) => void; reject: (error: unknown) => void }>();

  /** Fails every page in progress (the thread has gone) and forgets the thread. */
  const lost = (ended: Worker, error: unknown) => {
    if (thread !== ended) return;
    thread = null;
    for (const page of pending.values()) page.reject(error);
    pending.clear();
  };

  const running = (): Worker => {
    if (thread) return thread;
    const started = start();
    started.on('message', (answer: PreparationAnswer) => {
      const page = pending.get(answer.id);
      pending.delete(answer.id);
      // An idle thread does not keep the process alive (a test, a command that read one file and is done).
      if (pending.size === 0) started.unref();
      if ('page' in answer) page?.resolve(answer.page);
      else page?.reject(answer.error);
    });
    started.on('error', (error) => lost(started, error));
    started.on('exit', (code) => lost(started, new Error(`The page preparation thread stopped (exit code ${code})`)));
    thread = started;
    return started;
  };

  const end = async () => {
    const ended = thread;
    if (!ended) return;
    lost(ended, new DOMException('The page preparation was stopped', 'AbortError'));
    await ended.terminate();
  };

  const prepare = (png: Uint8Array, signal?: AbortSignal): Promise<PreparedPage> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const worker = running();
    const id = nextId++;
    return new Promise<PreparedPage>((resolve, reject) => {
      const onAbort = () => {
        pending.delete(id);
        reject(signal?.reason);
        void end();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settled = () => signal?.removeEventListener('abort', onAbort);
      pending.set(id, {
        resolve: (page) => {
          settled();
          resolve(page);
        },
        reject: (error) => {
          settled();
          reject(error);
        },
      });
      worker.ref();
      // A copy of just the picture's bytes moves to the thread: the caller keeps its own (the cache's key, what the
      // orientation was found from), and a view's whole buffer, were it part of a larger one, would be copied.
      const copy = png.slice();
      worker.postMessage({ id, png: copy } satisfies PreparationAsk, [copy.buffer]);
    });
  };

  return { prepare, close: end };
}
