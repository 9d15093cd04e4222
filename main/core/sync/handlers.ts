import type { SyncStatus } from '../../../shared/api';
import type { Handlers } from '../api/dispatch';
import type { SyncEngine } from './sync-engine';

/**
 * The contract handlers of sync: status and "sync now" go to whichever transport the settings pick (the hub or the
 * e-port folders); connecting is the hub's own.
 */
export function createSyncHandlers(deps: {
  transport: { status(): SyncStatus; syncNow(): Promise<SyncStatus> };
  sync: SyncEngine;
}): Pick<Handlers, 'sync.status' | 'sync.now' | 'sync.connect'> {
  return {
    'sync.status': () => deps.transport.status(),
    'sync.now': () => deps.transport.syncNow(),
    'sync.connect': ({ hubUrl, enrollmentCode, ifUnreachable }) =>
      deps.sync.connect(hubUrl, enrollmentCode, ifUnreachable),
  };
}
