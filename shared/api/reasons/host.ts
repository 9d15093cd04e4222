import { reason } from './define';

/**
 * The browser host's own answers, before a call reaches the contract: the page (a broker's browser tab) shows them,
 * so they are reasons like any other. A tab left open across a restart of SW Desk holds the old token.
 */
export const hostReasons = {
  'host.wrong-token': reason(
    'UNAUTHORIZED',
    () => 'This page belongs to an earlier start of SW Desk: open the address SW Desk printed when it started',
  ),
  'host.foreign-page': reason('FORBIDDEN', () => 'SW Desk accepts calls only from its own page'),
  'host.unexpected-host': reason<{ host: string }>(
    'FORBIDDEN',
    (p) => `SW Desk answers only at its own address, not at ${p.host}`,
  ),
  'host.not-a-call': reason('BAD_INPUT', () => 'The page sent a call SW Desk cannot read (reload the page)'),
  'host.call-too-large': reason<{ mb: number }>(
    'BAD_INPUT',
    (p) => `The call is larger than the ${p.mb} MB SW Desk takes at once; nothing was done`,
  ),
  'host.no-route': reason<{ route: string }>('NOT_FOUND', (p) => `SW Desk has no ${p.route}`),
} as const;
