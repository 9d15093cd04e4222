import type { App } from '../../main/composition';
import { createApp } from '../../main/composition';
import { createPassphraseProtector } from '../../main/core/signing/key-protector';
import type { Logger } from '../../main/logging/logger';
import { silentLogger } from '../../main/logging/logger';

/**
 * The desk's app as the browser host opens it on `dataDir`, its key sealed with `passphrase`, logging to `logger`
 * (nothing by default); and `call`, which dispatches a method and returns its value, or throws with the method's name
 * and the refusal.
 */
export function browserDesk(
  dataDir: string,
  passphrase: string,
  logger: Logger = silentLogger,
): { app: App; call: <T>(method: string, input: unknown) => Promise<T> } {
  const app = createApp({
    dataDir,
    host: 'browser',
    protector: createPassphraseProtector(passphrase),
    logger,
  });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await app.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  return { app, call };
}
