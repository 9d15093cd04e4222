import type { HubConfig } from '../config';
import type { SignatureVerifier } from '../crypto/keys';
import type { CustomsProcessor } from '../processor/customs-processor';
import type { ReceiptNotifier } from '../receipts/notifier';
import type { HubStore } from '../store/types';
import type { TaxTables } from '../../shared/taxes/types';
import type { CodeLookup } from '../../shared/validation';

/** What the routes share: built once in server.ts. */
export interface HubContext {
  config: HubConfig;
  store: HubStore;
  verifier: SignatureVerifier;
  now: () => number;
  notifier: ReceiptNotifier;
  processor: CustomsProcessor;
  /** The code tables the hub serves: the validation's lookup, and the duty tables for the 税费单. */
  codes: { current(): Promise<CodeLookup>; taxes?(): Promise<TaxTables> };
  isClosing: () => boolean;
  version: string;
}
