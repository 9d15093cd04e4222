import { reason } from './define';

/** Every refinement's refusal is bad input in fixed words: it names the field by the path, not by a param. */
const badInput = (en: string) => reason('BAD_INPUT', () => en);

/** What a contract input's own refinements refuse (a field the form sends as typed), each named by its issue's path. */
export const inputReasons = {
  'input.hub-url': badInput(
    'The hub address must start with http:// or https:// and name the hub (e.g. https://hub.example.cn)',
  ),
  'input.absolute-path': badInput('Give the whole path from the top of the disk (e.g. /home/me/swdesk or D:\\swdesk)'),
  'input.party-code-length': badInput('A customs code has 10 characters, a USCC 18'),
  'input.imp-path-required': badInput('Choose the ImpPath folder before turning the bridge on'),
} as const;
