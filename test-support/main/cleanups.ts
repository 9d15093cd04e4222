import { afterEach } from 'vitest';
import { tempDir } from './temp-dir';

/** What a test made and must undo when it ends (a bridge stopped, a desk closed, a folder removed). */
export type Cleanups = Array<() => void | Promise<void>>;

/**
 * The cleanups of a describe block's tests, run after each test, the last registered first: a bridge stops before
 * the desk it reads closes and before its folder is removed.
 */
export function cleanupsPerTest(): Cleanups {
  const cleanups: Cleanups = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return cleanups;
}

/** The temporary folders of a describe block's tests: the function returned makes one, removed when its test ends. */
export function tempDirsPerTest(prefix?: string): () => string {
  const cleanups = cleanupsPerTest();
  return () => {
    const temp = tempDir(prefix);
    cleanups.push(temp.cleanup);
    return temp.dir;
  };
}
