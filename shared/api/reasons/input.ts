import { reason } from './define';

/** What a contract input's own refinements refuse (a field the form sends as typed), each named by its issue's path. */
export const inputReasons = {
  'input.hub-url': reason(
    'BAD_INPUT',
    () => 'The hub address must start with http:// or https:// and name the hub (e.g. https://hub.example.cn)',
  ),
  'input.absolute-path': reason(
    'BAD_INPUT',
    () => 'Give the whole path from the top of the disk (e.g. /home/me/swdesk or D:\\swdesk)',
  ),
  'input.party-code-length': reason('BAD_INPUT', () => 'A customs code has 10 characters, a USCC 18'),
  'input.imp-path-required': reason('BAD_INPUT', () => 'Choose the ImpPath folder before turning the bridge on'),
} as const;
