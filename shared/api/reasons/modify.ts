import { reason } from './define';

type Entry = { entryId: string };
type Field = { field: string; name: string };

/**
 * Why the hub refuses a modification or cancellation request (修撤单; docs/modify-cancel.md): each names the
 * declaration by its 海关编号 or the field by its code and Chinese name, and the request changes nothing.
 */
export const modifyReasons = {
  'modify.unknown-entry': reason<Entry>(
    'NOT_FOUND',
    (p) => `The hub holds no declaration ${p.entryId} sent by this desk; nothing was changed`,
  ),
  'modify.under-inspection': reason<Entry>(
    'INVALID_STATE',
    (p) => `Declaration ${p.entryId} is under inspection: it cannot be modified or cancelled until that ends`,
  ),
  'modify.already-cancelled': reason<Entry>(
    'INVALID_STATE',
    (p) => `Declaration ${p.entryId} is already cancelled; nothing was changed`,
  ),
  'modify.field-locked': reason<Field>(
    'BAD_INPUT',
    (p) => `${p.name} (${p.field}) may not be changed by a modification request; nothing was changed`,
  ),
  'modify.old-value-differs': reason<Field>(
    'CONFLICT',
    (p) => `The original value of ${p.name} (${p.field}) is not what customs holds; nothing was changed`,
  ),
  'modify.no-line': reason<Field>(
    'BAD_INPUT',
    (p) => `${p.name} (${p.field}) names a goods line the declaration does not have; nothing was changed`,
  ),
  // Through the e-port client's folders: the single window's own words, as its answer gave them.
  'modify.eport-refused': reason<{ note: string }>(
    'INVALID_STATE',
    (p) => `The single window refused the request: ${p.note || 'no reason given'}; nothing was changed`,
  ),
  'modify.eport-returned': reason<{ file: string }>(
    'IMPORT_FAILED',
    (p) => `The e-port client gave the request back (FailBox: ${p.file}); nothing was changed`,
  ),
} as const;
