import type { ElementDef, SectionDef } from './types';

/**
 * The step of 两步申报 a declaration is at: `summary` 概要申报 (release data first), `complete` 完整申报 (the rest,
 * under the same 报关单号). A one-step declaration (整合申报) has no mode.
 */
export type TwoStepMode = 'summary' | 'complete';

/**
 * DecHead/Type's third position codes the mode: blank or 0 整合申报一次录入, 5 新模式概要申报, 6 新模式完整申报
 * (the import spec's transcription, decmessage-fields.tsv; docs/two-step.md records the sources and where they differ).
 */
const MODE_INDEX = 2;
const modeChar: Record<TwoStepMode, string> = { summary: '5', complete: '6' };

/** The mode DecHead/Type carries, or null for an ordinary declaration (blank, 0 or anything else there). */
export function twoStepModeOf(type: string | undefined): TwoStepMode | null {
  const c = type?.charAt(MODE_INDEX);
  if (c === modeChar.summary) return 'summary';
  if (c === modeChar.complete) return 'complete';
  return null;
}

/**
 * DecHead/Type with its third position set for `mode` (null: a one-step declaration). The first two positions (the
 * declaration type, blank for an ordinary one) and any later ones (the 7th, Z 组合港) are kept; blanks pad.
 */
export function withTwoStepMode(type: string | undefined, mode: TwoStepMode | null): string {
  const chars = (type ?? '').padEnd(MODE_INDEX + 1, ' ').split('');
  chars[MODE_INDEX] = mode ? modeChar[mode] : ' ';
  return chars.join('').trimEnd();
}

/** The elements the catalog marks as asked at 概要申报 in a section (the form's 概要 view and the checks read them). */
export function summaryElements(section: SectionDef): ElementDef[] {
  return section.elements.filter((e) => e.summary === true);
}
