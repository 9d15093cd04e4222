import { parseFieldPath } from '../catalog';

/**
 * Head fields a modification request may not change (**ours**, docs/modify-cancel.md): where and by whom the
 * declaration was made and its numbers — a change there is a different declaration, made by cancelling this one. The
 * hub refuses a request changing one; the desk's editable copy shows them read-only.
 */
export const lockedHeadFields: ReadonlySet<string> = new Set([
  'CustomMaster',
  'IEFlag',
  'EntryId',
  'SeqNo',
  'TradeCode',
  'TradeCoScc',
  'AgentCode',
  'AgentCodeScc',
  'DeclTrnRel',
]);

/** A goods line's 项号 is its place: a request may not change it. */
export const lockedLineFields: ReadonlySet<string> = new Set(['GNo']);

/**
 * Whether a form path (`head.TradeCode`, `lines[2].GNo`) may not be changed by a modification request. Fields of the
 * other tables (containers, documents …) are locked too: a request carries head and goods-line fields only.
 */
export function isModifyLocked(path: string): boolean {
  const parsed = parseFieldPath(path);
  if (!parsed) return true;
  if (parsed.kind === 'head') return lockedHeadFields.has(parsed.element);
  return parsed.table === 'lines' ? lockedLineFields.has(parsed.element) : true;
}
