/**
 * Below this OCR confidence (the least of the runs a value was read from, 0–1) the review flags a value for checking
 * against the page: a misread digit or letter ("O" for "0", "×" for "X") often fails no cross-check, and Tesseract's
 * own confidence is the one sign of it. Chosen by measuring the generated scans (bench/README.md): the share of wrong
 * values it flags against the share of right values it flags needlessly.
 */
export const doubtfulBelow = 0.85;

/** Whether a value was read with low OCR confidence (a text layer's values never are). */
export function readDoubtfully(found: { confidence?: number | undefined } | undefined, below = doubtfulBelow): boolean {
  return found?.confidence !== undefined && found.confidence < below;
}
