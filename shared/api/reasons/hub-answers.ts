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
  /**
   * Refusals of a request the desk built wrongly (a program error on one side or the other), worded by the hub's
   * code; `detail` the hub's own English, for support under 详情 only.
   */
  'hub.protocol': reason<{ code: string; detail: string }>(
    'HUB_ERROR',
    (p) =>
      `The hub refused the request as malformed: ${hubWords(protocolEn, p.code, 'it is not in the form the hub expects')}. Export the diagnostics (Settings) and contact support`,
  ),
} as const;

/** A hub refusal's words by its code or status, or `otherwise` for one this version has no words for. */
export function hubWords<K extends string | number>(
  table: Readonly<Record<K, string>>,
  key: K | string | number,
  otherwise: string,
): string {
  return Object.hasOwn(table, key) ? table[key as K] : otherwise;
}

/** What was malformed, by the hub's code (the renderer holds the other languages). */
export const protocolEn: Readonly<Record<string, string>> = {
  'auth-missing': 'it was not signed',
  'bad-nonce': 'its one-time number is malformed',
  'bad-timestamp': 'its time stamp is malformed',
  'replayed-nonce': 'the hub had already received it once',
  'bad-json': 'its body is not valid JSON',
  'bad-request': 'its content does not match the hub protocol',
  'bad-query': 'its query does not match the hub protocol',
  'unsupported-media-type': 'its content type is not one the hub accepts',
  'not-found': 'the hub has no such address (is it an older or newer hub?)',
};

/** Why the hub refused, by its HTTP status, for a refusal the desk has no reason of its own for. */
export const refusedStatusEn: Readonly<Record<number, string>> = {
  400: 'it cannot take the request as sent',
  401: 'it does not accept this desk’s credentials',
  403: 'this desk is not allowed to do this',
  404: 'there is nothing at this address (is it the hub’s address?)',
  405: 'this address does not take this kind of request',
  409: 'the request conflicts with what the hub already holds',
  410: 'what was asked for is no longer at the hub',
  413: 'the request is larger than the hub accepts',
  415: 'its content type is not one the hub accepts',
  422: 'it cannot accept the request’s content',
};

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
