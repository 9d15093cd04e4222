import type { SyncStatus } from '../../../shared/api';
import type { SettingsRepo } from '../../db/repositories/settings-repo';
import type { TransportName } from './config';
import { TRANSPORT_KEY, readTransport } from './config';

/** What the app needs of a sync transport: the sync engine (hub) and the e-port folder bridge both have it. */
export interface Transport {
  status(): SyncStatus;
  start(): void;
  stop(): Promise<void>;
  enqueued(): void;
  syncNow(): Promise<SyncStatus>;
}

/**
 * Routes the app's sync calls to the transport the settings name (`sync.transport`: hub or
 * bridge). Only the selected one runs; switching stops one and starts the other.
 */
export function createTransportSwitch(deps: { transports: Record<TransportName, Transport>; settings: SettingsRepo }) {
  let started = false;
  const current = (): Transport => deps.transports[readTransport(deps.settings)];
  return {
    selected: (): TransportName => readTransport(deps.settings),
    status: () => current().status(),
    enqueued: () => current().enqueued(),
    syncNow: () => current().syncNow(),
    start(): void {
      started = true;
      current().start();
    },
    async stop(): Promise<void> {
      started = false;
      await Promise.all(Object.values(deps.transports).map((t) => t.stop()));
    },
    async select(name: TransportName): Promise<void> {
      const before = readTransport(deps.settings);
      deps.settings.write(TRANSPORT_KEY, name);
      if (!started || before === name) return;
      await deps.transports[before].stop();
      deps.transports[name].start();
    },
  };
}

export type TransportSwitch = ReturnType<typeof createTransportSwitch>;
