import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { preparePage } from './clear-rules';
import { type PagePreparer, pagePreparer, preparationThread } from './page-preparer';

// The preparation thread as the repository runs it (prepare-page-worker.ts through tsx); the installer's bundled copy
// of it is what tesseract-engine.test.ts's cancelled page reads the next page with.
const workerFile = path.join(import.meta.dirname, 'prepare-page-worker.ts');
const slow = { timeout: 120_000 };

/** A page of a 240 dpi scan's size, boxed by a table's rules: seconds of work for preparePage under load. */
function ruledPage(): Uint8Array {
  const [width, height] = [1980, 2800];
  const png = new PNG({ width, height });
  png.data.fill(255);
  const ink = (x: number, y: number) => png.data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  for (let y = 200; y <= 2600; y += 80) for (let x = 100; x <= 1880; x++) ink(x, y);
  for (let x = 100; x <= 1880; x += 445) for (let y = 200; y <= 2600; y++) ink(x, y);
  return new Uint8Array(PNG.sync.write(png));
}

let preparer: PagePreparer | undefined;
/** The threads the preparer started, in order. */
let threads: Worker[] = [];
afterEach(async () => {
  await preparer?.close();
  threads = [];
});

function started(): PagePreparer {
  preparer = pagePreparer(() => {
    const thread = preparationThread(workerFile);
    threads.push(thread);
    return thread;
  });
  return preparer;
}

describe('preparing a page for OCR on a thread of its own', () => {
  it('leaves the calling thread free to answer meanwhile, and gives the page preparePage gives', slow, async () => {
    const page = ruledPage();
    const events: string[] = [];
    const prepared = started()
      .prepare(page)
      .then((result) => {
        events.push('prepared');
        return result;
      });
    // Run here, preparePage would have finished (and settled the promise) before this timer is even set.
    setTimeout(() => events.push('timer'), 0);
    const result = await prepared;
    expect(events).toEqual(['timer', 'prepared']);
    const here = preparePage(page);
    expect(result.speckled).toBe(here.speckled);
    expect(Buffer.from(result.png).equals(Buffer.from(here.png))).toBe(true);
    // The rules were cleared: the picture changed.
    expect(Buffer.from(result.png).equals(Buffer.from(page))).toBe(false);
  });

  it(
    'gives a damaged picture’s failure as preparePage’s own error, and prepares the next page on the same thread',
    slow,
    async () => {
      const damaged = ruledPage().subarray(0, 2000);
      const thrown = (() => {
        try {
          preparePage(damaged);
        } catch (error) {
          return error;
        }
      })();
      expect(thrown).toBeInstanceOf(Error);
      const preparer = started();
      await expect(preparer.prepare(damaged)).rejects.toThrow((thrown as Error).message);
      await expect(preparer.prepare(ruledPage())).resolves.toMatchObject({ speckled: false });
      expect(threads).toHaveLength(1);
    },
  );

  it('ends the thread when the page is cancelled, and starts another for the next page', slow, async () => {
    const page = ruledPage();
    const preparer = started();
    const controller = new AbortController();
    const cancelled = preparer.prepare(page, controller.signal);
    const [first] = threads;
    if (!first) throw new Error('no thread started');
    const exited = new Promise<number>((resolve) => first.once('exit', resolve));
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    // The thread has ended, not merely been left to finish the page.
    await expect(exited).resolves.toBeTypeOf('number');
    await expect(preparer.prepare(page, new AbortController().signal)).resolves.toMatchObject({ speckled: false });
    expect(threads).toHaveLength(2);
  });
});
