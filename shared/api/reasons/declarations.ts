import { goodsDeclaration } from '../../catalog/goods-declaration';
import { findSection } from '../../catalog/lookup';
import { statusName } from '../../status/display-status';
import { eventName } from '../../status/lifecycle';
import { reason } from './define';

/** A goods declaration's table by its id (lines, containers …), in the language asked for. */
export function tableName(id: string, locale: 'zh-CN' | 'en'): string {
  const section = findSection(goodsDeclaration, id);
  return section ? (locale === 'en' ? section.en : section.zh) : id;
}

type Seq = { seqNo: string };

/** Declarations: their life from draft to the outbox, edits, copies and exports. */
export const declarationReasons = {
  'declarations.not-found': reason<{ id: string }>(
    'NOT_FOUND',
    (p) => `Declaration ${p.id} does not exist (it may have been deleted)`,
  ),
  'declarations.not-editable': reason<Seq>(
    'INVALID_STATE',
    (p) => `Declaration ${p.seqNo} has been declared and cannot be edited now`,
  ),
  'declarations.changed-elsewhere': reason<Seq & { revision: number; base: number }>(
    'CONFLICT',
    (p) => `Declaration ${p.seqNo} was changed elsewhere (revision ${p.revision}, you edited ${p.base}); reload it`,
  ),
  'declarations.request-reused': reason<{ requestId: string }>(
    'CONFLICT',
    (p) => `Request ${p.requestId} was already used for another change; send a new request id`,
  ),
  'declarations.changed-before-import': reason<Seq & { revision: number; base: number }>(
    'CONFLICT',
    (p) =>
      `Declaration ${p.seqNo} was changed elsewhere (revision ${p.revision}, you have ${p.base}); reload it and import again`,
  ),
  'declarations.not-a-draft': reason<Seq>(
    'INVALID_STATE',
    (p) => `Declaration ${p.seqNo} is not a draft; only drafts can be deleted (nothing was deleted)`,
  ),
  /** The 完整申报 of a released 概要 is owed under its 海关编号 within the deadline: deleting its draft would lose it. */
  'declarations.complete-not-deletable': reason<Seq & { entryId: string }>(
    'INVALID_STATE',
    (p) =>
      `Declaration ${p.seqNo} is the complete declaration owed for the released summary ${p.entryId}; ` +
      'it cannot be deleted (nothing was deleted)',
  ),
  'declarations.changed-while-signing': reason(
    'CONFLICT',
    () => 'The declaration changed while it was being signed; declare it again',
  ),
  'declarations.already-queued': reason<Seq>(
    'INVALID_STATE',
    (p) => `Declaration ${p.seqNo} is already signed and queued`,
  ),
  'declarations.already-sent': reason<Seq>(
    'INVALID_STATE',
    (p) => `Declaration ${p.seqNo} was already sent to the hub`,
  ),
  'declarations.has-errors': reason<{ count: number }>(
    'VALIDATION_FAILED',
    (p) => `${p.count} error(s): fix them before declaring`,
  ),
  'declarations.not-in-outbox': reason<Seq>(
    'INVALID_STATE',
    (p) => `Declaration ${p.seqNo} is not waiting in the outbox`,
  ),
  'declarations.being-sent': reason<Seq>(
    'INVALID_STATE',
    (p) => `Declaration ${p.seqNo} is being sent (it may already have reached the hub) and cannot be withdrawn now`,
  ),
  'declarations.too-many-to-export': reason<{ max: number }>(
    'BAD_INPUT',
    (p) => `More than ${p.max} declarations match: narrow the list (status, dates, search) and export again`,
  ),
  'declarations.table-full': reason<{ table: string; max: number }>(
    'BAD_INPUT',
    (p) => `${tableName(p.table, 'en')} holds at most ${p.max} rows`,
  ),
  /** An edit the editor should never send (a path or row that does not exist): a program error, `detail` naming it. */
  'declarations.bad-edit': reason<{ detail: string }>(
    'BAD_INPUT',
    () =>
      'The edit cannot be applied (a program error: the editor sent a field or row the declaration does not have). Export the diagnostics (Settings) and contact support',
  ),
  /** The 税费单 kept with a receipt no longer reads as one (the data file was altered): nothing is shown as customs'. */
  'declarations.tax-bill-damaged': reason<Seq & { detail: string }>(
    'INVALID_STATE',
    (p) =>
      `The customs tax bill kept for declaration ${p.seqNo} cannot be read (the data file may have been altered); it is not shown`,
  ),
  /** A state change the lifecycle table does not allow from where the declaration is (named by the status shown). */
  'declarations.transition-refused': reason<Seq & { event: string; status: string }>(
    'INVALID_STATE',
    (p) => `Declaration ${p.seqNo} is ${statusName(p.status, 'en')} and cannot be ${eventName(p.event, 'en')} now`,
  ),
  /** A modification request carries changed values only (docs/modify-cancel.md); nothing is sent. */
  'declarations.modify-line-count': reason<{ before: number; after: number }>(
    'BAD_INPUT',
    (p) =>
      `A modification request cannot add or remove goods lines (declared with ${p.before}, the copy has ${p.after}); ` +
      'nothing was sent',
  ),
  'declarations.modify-table-changed': reason<{ table: string }>(
    'BAD_INPUT',
    (p) =>
      `A modification request carries head and goods-line fields only; ${tableName(p.table, 'en')} changed (nothing was sent)`,
  ),
  /** 修改申请 submitted with the copy as declared: nothing to ask for. */
  'declarations.modify-nothing-changed': reason<Seq>(
    'BAD_INPUT',
    (p) =>
      `The copy of declaration ${p.seqNo} has no changed field: change at least one before submitting (nothing was sent)`,
  ),
} as const;
