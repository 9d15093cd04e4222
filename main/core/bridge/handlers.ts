import type { BridgeStatus } from '../../../shared/api';
import type { SettingsRepo } from '../../db/repositories/settings-repo';
import type { Handlers } from '../api/dispatch';
import type { BridgeEngine } from './bridge-engine';
import { readTransport } from './config';
import type { TransportSwitch } from './transport-switch';

/** The contract handlers of bridge.status and bridge.configure, for the handler map in main/composition.ts. */
export function createBridgeHandlers(deps: {
  bridge: BridgeEngine;
  transport: TransportSwitch;
  settings: SettingsRepo;
}): Pick<Handlers, 'bridge.status' | 'bridge.configure'> {
  const status = (): BridgeStatus => ({ transport: readTransport(deps.settings), ...deps.bridge.detail() });
  return {
    'bridge.status': () => status(),
    'bridge.configure': async (input) => {
      if (input.enabled && input.impPath !== undefined) {
        deps.bridge.configure({
          impPath: input.impPath,
          backupPath: input.backupPath,
          operType: input.operType,
          pollMs: input.pollMs,
          createFolders: input.createFolders,
        });
      }
      await deps.transport.select(input.enabled ? 'bridge' : 'hub');
      return status();
    },
  };
}
