import type { HubConfig } from '../config';
import type { SignatureVerifier } from '../crypto/keys';
import type { CustomsProcessor } from '../processor/customs-processor';
import type { ReceiptNotifier } from '../receipts/notifier';
import type { HubStore } from '../store/types';
import type { CodeLookup } from '../../shared/validation';

/** What the routes share: built once in server.ts. */
export interface HubContext {
  config: HubConfig;
  store: HubStore;
  verifier: SignatureVerifier;
  now: () => number;
  notifier: ReceiptNotifier;
  processor: CustomsProcessor;
  codes: { current(): Promise<CodeLookup> };
  isClosing: () => boolean;
  version: string;
}
