import type { ReasonMessage } from '../../../shared/api';
import { AppError, reasonMessage } from '../../../shared/api';
import { HubCallError, notHubFailure } from './hub-client';

// How the sync engine reads a failure, apart from the engine itself (sync-engine.ts), which is at its size limit.

/** Why sync stopped, as the status shows it: a locked key says so plainly, a hub call says its own reason. */
export function failureOf(error: unknown): ReasonMessage {
  if (error instanceof AppError && error.code === 'PASSPHRASE_REQUIRED') return reasonMessage('sync.key-locked');
  if (error instanceof HubCallError) return error.said;
  return notHubFailure(error);
}

/** The hub did not answer for itself: nothing reached it, no answer came, or it asked to be tried later. */
export function unanswered(error: unknown): error is HubCallError {
  return error instanceof HubCallError && ['network', 'indeterminate', 'retryable'].includes(error.kind);
}
