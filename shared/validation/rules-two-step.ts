import type { DeclarationDoc } from '../catalog';
import { twoStepModeOf } from '../catalog';
import type { Rule } from './types';

/**
 * DecHead/Type carries the step of 两步申报 in its third position: a 概要申报 must say 5, and a declaration checked
 * as a whole (one step, or the 完整申报) must not still say 5 — customs would take it for the 概要 again.
 */
export const twoStepModeRule: Rule = (doc, ctx, out) => {
  const mode = twoStepModeOf(doc.head.Type);
  if (ctx.stage === 'summary' && mode !== 'summary')
    out.push({ path: 'head.Type', code: 'two-step-mode', severity: 'error', params: { field: 'Type', expected: '5' } });
  if (ctx.stage === 'declare' && mode === 'summary')
    out.push({ path: 'head.Type', code: 'two-step-mode', severity: 'error', params: { field: 'Type', expected: '6' } });
};

/**
 * The stage a declaration is checked at when it is declared: a 概要申报 (DecHead/Type saying 5) at the 概要 stage, any
 * other at the whole. The editor, main before signing and the hub all read it here, from the declaration itself.
 */
export function declareStageOf(doc: DeclarationDoc): 'summary' | 'declare' {
  return twoStepModeOf(doc.head.Type) === 'summary' ? 'summary' : 'declare';
}
