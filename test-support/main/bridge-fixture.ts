import type { CoreFixture } from './core-fixture';
import { coreFixture } from './core-fixture';
import type { EportClientOptions } from './eport-client';
import { createEportClient } from './eport-client';
import { tempDir } from './temp-dir';

export interface BridgeSetupOptions {
  client?: EportClientOptions;
  /** The desk's fixture to reuse (a restart on the same database); a new one otherwise. */
  fx?: CoreFixture;
  /** The e-port client's folder to reuse; a new temporary one otherwise. */
  impPath?: string;
}

/**
 * What every bridge test starts from: a desk's core fixture, the e-port client's folder and its stand-in, each
 * made afresh unless given (a restart reuses both), and what is made registered in `cleanups`.
 */
export function bridgeBase(cleanups: Array<() => void | Promise<void>>, options: BridgeSetupOptions = {}) {
  const fx = options.fx ?? coreFixture();
  if (!options.fx) cleanups.push(() => fx.close());
  let impPath = options.impPath;
  if (!impPath) {
    const temp = tempDir('swdesk-imppath-');
    cleanups.push(temp.cleanup);
    impPath = temp.dir;
  }
  return { fx, impPath, client: createEportClient(impPath, options.client) };
}
