import { reason } from './define';

/**
 * What the hub answers, by the stable code of its refusal (hub/http: `error.code`), as the desk tells
 * the broker. A code not listed here shows as sync.hub-refused with the hub's own words.
 */
export const hubReasons = {
  'hub.invalid-enrollment-code': reason(
    'HUB_ERROR',
    () =>
      'The hub does not know this enrolment code, or it was used or has expired: ask the hub operator for a new one',
  ),
  'hub.unknown-client': reason(
    'HUB_ERROR',
    () =>
      'The hub does not know this desk (it was never enrolled there, or the hub was reset): connect with a new code',
  ),
  'hub.client-revoked': reason(
    'HUB_ERROR',
    () => 'The hub operator revoked this desk: ask for a new enrolment code and connect again',
  ),
  'hub.unknown-key': reason(
    'HUB_ERROR',
    () => 'The hub does not know this desk’s signing key: connect again, or register the key (Settings, signing key)',
  ),
  'hub.bad-signature': reason(
    'HUB_ERROR',
    () => 'The hub could not verify this desk’s signature (the key does not match the one registered there)',
  ),
  'hub.stale-timestamp': reason(
    'HUB_ERROR',
    () => 'This computer’s clock differs from the hub’s by more than 5 minutes: set the clock right and try again',
  ),
  'hub.rate-limited': reason('HUB_ERROR', () => 'The hub is refusing too many requests from here: wait a little'),
  'hub.shutting-down': reason('HUB_ERROR', () => 'The hub is shutting down; SW Desk tries again shortly'),
  'hub.unavailable': reason(
    'HUB_ERROR',
    () =>
      'The hub’s database is not answering for now (it may be restarting); what waits to be sent stays on this computer and SW Desk tries again by itself',
  ),
  'hub.internal': reason('HUB_ERROR', () => 'The hub failed to process the request; SW Desk tries again later'),
  'hub.too-large': reason('HUB_ERROR', () => 'The request is larger than the hub accepts'),
  /** Refusals of a request the desk built wrongly (a program error on one side or the other), by the hub's code. */
  'hub.protocol': reason<{ code: string; detail: string }>(
    'HUB_ERROR',
    (p) => `The hub refused the request as malformed (${p.code}): ${p.detail}`,
  ),
} as const;

/** The hub's refusal codes that mean the request itself was malformed (reported as hub.protocol). */
export const hubProtocolCodes: ReadonlySet<string> = new Set([
  'auth-missing',
  'bad-nonce',
  'bad-timestamp',
  'replayed-nonce',
  'bad-json',
  'bad-request',
  'bad-query',
  'unsupported-media-type',
  'not-found',
]);
