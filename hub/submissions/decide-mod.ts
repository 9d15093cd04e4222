import type { ReasonMessage } from '../../shared/api';
import { reasonMessage } from '../../shared/api';
import type { ModEnvelope } from '../../shared/modify/mod-request';
import { applyDecModList } from '../../shared/modify/dec-mod-list';
import { lockedHeadFields, lockedLineFields } from '../../shared/modify/locked-fields';
import { underInspection } from '../../shared/status';
import type { ModDecision, ModTarget } from '../store/types';

function refused(reasons: ReasonMessage[], kind: 'modify' | 'cancel'): ModDecision {
  const note = kind === 'modify' ? '修改申请未通过' : '撤销申请未通过';
  return { outcome: 'refused', note, reasons, doc: null, cancel: false };
}

/**
 * The hub's judgement of a modification or cancellation request on the declaration as it holds it now: refused when
 * the hub has no such declaration of this client, it is cancelled already or under inspection, or (a modification)
 * a changed field may not be changed, names a goods line the declaration lacks, or its OldValue is not the value
 * held — each reason naming the field; else approved, with the declaration's values after it.
 */
export function decideMod(envelope: ModEnvelope, target: ModTarget | undefined): ModDecision {
  const kind = envelope.head.DecModType === '1' ? 'modify' : 'cancel';
  const entryId = envelope.head.EntryId;
  if (!target) return refused([reasonMessage('modify.unknown-entry', { entryId })], kind);
  if (target.cancelled) return refused([reasonMessage('modify.already-cancelled', { entryId })], kind);
  if (underInspection(target.lastChannel))
    return refused([reasonMessage('modify.under-inspection', { entryId })], kind);
  if (kind === 'cancel') return { outcome: 'approved', note: '撤销申请已通过', reasons: [], doc: null, cancel: true };

  const reasons: ReasonMessage[] = [];
  for (const change of envelope.changes) {
    const field = { field: change.fieldCode, name: change.fieldName };
    const key =
      change.table === 'head' ? change.fieldCode : change.fieldCode.slice(0, change.fieldCode.lastIndexOf('@'));
    const row = change.table === 'head' ? target.doc.head : target.doc.lines[change.row ?? -1];
    if ((change.table === 'head' ? lockedHeadFields : lockedLineFields).has(key)) {
      reasons.push(reasonMessage('modify.field-locked', field));
    } else if (!row) {
      reasons.push(reasonMessage('modify.no-line', field));
    } else if ((row[key] ?? '') !== change.oldValue) {
      reasons.push(reasonMessage('modify.old-value-differs', field));
    }
  }
  if (reasons.length > 0) return refused(reasons, kind);
  const doc = applyDecModList(target.doc, envelope.changes);
  return { outcome: 'approved', note: '修改申请已通过', reasons: [], doc, cancel: false };
}
