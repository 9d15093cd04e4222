import path from 'node:path';
import { z } from 'zod';
import type { SettingsRepo } from '../../db/repositories/settings-repo';

export const BRIDGE_CONFIG_KEY = 'bridge.config';
export const TRANSPORT_KEY = 'sync.transport';

export const bridgeConfigSchema = z.object({
  /** The folder holding the e-port client's OutBox, InBox, FailBox and SentBox (e.g. D:\ImpPath\Deccus001). */
  impPath: z.string().min(1),
  /** Where processed receipt files are moved; `<impPath>/SwDeskBackup` when null. */
  backupPath: z.string().nullable(),
  /** DecSign/OperType of the messages written: C 申报 (declare) or G 暂存 (store on the single window). */
  operType: z.enum(['C', 'G']),
  /** How often the folders are scanned (file-system notifications only hurry a scan along). */
  pollMs: z.number().int().min(100).max(600_000),
});
export type BridgeConfig = z.infer<typeof bridgeConfigSchema>;

export type TransportName = 'hub' | 'bridge';

export function readBridgeConfig(settings: SettingsRepo): BridgeConfig | null {
  return settings.read(BRIDGE_CONFIG_KEY, bridgeConfigSchema.nullable(), null);
}

export function readTransport(settings: SettingsRepo): TransportName {
  return settings.read(TRANSPORT_KEY, z.enum(['hub', 'bridge']), 'hub');
}

/** The folders the bridge works with. */
export interface BridgeFolders {
  outBox: string;
  inBox: string;
  failBox: string;
  sentBox: string;
  /** Our own staging folder beside the boxes (same file system, so a rename into OutBox is atomic). */
  staging: string;
  backup: string;
}

export function bridgeFolders(config: BridgeConfig): BridgeFolders {
  const root = config.impPath;
  return {
    outBox: path.join(root, 'OutBox'),
    inBox: path.join(root, 'InBox'),
    failBox: path.join(root, 'FailBox'),
    sentBox: path.join(root, 'SentBox'),
    staging: path.join(root, 'SwDeskStaging'),
    backup: config.backupPath ?? path.join(root, 'SwDeskBackup'),
  };
}
