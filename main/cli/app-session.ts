import fs from 'node:fs';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import type { App } from '../composition';
import { createApp } from '../composition';
import { createLogger } from '../logging/logger';
import { createPassphraseProtector } from '../core/signing/key-protector';
import type { CliIo } from './io';
import { CliError } from './io';

/** The app's core on a data folder, without a window or a server, for commands that read or write the store. */
export interface AppSession {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): Promise<void>;
}

/** A contract call failed: its code, message and issues, for a command to report. */
export class CallError extends Error {
  override readonly name = 'CallError';
  constructor(
    readonly code: string,
    message: string,
    readonly issues: ReadonlyArray<{ path: string; message: string; code: string }> = [],
  ) {
    super(message);
  }
}

/**
 * Opens the app on `dataDir` (migrating it as the app would) and calls it through the same
 * contract dispatch the windows use, so a command can do nothing the UI could not. The signing
 * key stays locked: no command here signs.
 */
export function openAppSession(dataDir: string, io: CliIo, options: { create: boolean }): AppSession {
  if (!options.create && !fs.existsSync(path.join(dataDir, 'swdesk.sqlite')))
    throw new CliError(`There is no SW Desk database in ${dataDir}`);
  let app: App;
  try {
    app = createApp({
      dataDir,
      host: 'browser',
      protector: createPassphraseProtector(),
      logger: createLogger((line) => io.stderr(`${line}\n`), 'warn'),
    });
  } catch (error) {
    throw new CliError(
      `Cannot open the SW Desk data in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    async call(method, input) {
      const result = await app.dispatch(method, input);
      if (!result.ok) {
        // A reason's `detail` (the program's, a library's or the system's own words) is a parameter that the window
        // folds under 详情 for support and no sentence carries: the CLI, read by whoever supports the broker, prints it.
        const detail = result.error.params?.detail;
        const message =
          typeof detail === 'string' && detail !== '' ? `${result.error.message} (${detail})` : result.error.message;
        throw new CallError(result.error.code, message, result.error.issues ?? []);
      }
      return result.value as MethodOutput<typeof method>;
    },
    close: () => app.close(),
  };
}

/** Writes a file whole or not at all (a temporary name in the same folder, then a rename). */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, file);
}
