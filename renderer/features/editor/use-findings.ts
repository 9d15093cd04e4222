import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DeclarationRecord } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { applyPatch, goodsDeclaration, parseFieldPath, readField } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import type { CodeLookup, Finding } from '../../../shared/validation';
import {
  chinaDate,
  fieldLabel,
  declareStageOf,
  formatFinding,
  msUntilChinaMidnight,
  validateDeclaration,
} from '../../../shared/validation';
import { refreshCodeTables, useCheckLookup } from '../../api/code-tables';
import type { FieldError } from './field-context';
import { compareKeys, elementOf, orderKey } from './form-layout';
import { useFlowWarnings } from './use-flow-warnings';
import { reviewMessages } from '../review/review-messages';

export interface ListedFinding {
  path: string;
  severity: 'error' | 'warning';
  message: string;
  key: number[];
  /** An empty required field: still to fill rather than wrong (marked, not red). */
  required: boolean;
  /** A reviewer's remark from a 退回 (复核), listed and walked by F8 like a finding. */
  remark?: boolean;
}

/** A reviewer's remark pinned to a field. */
export interface PinnedRemark {
  path: string;
  text: string;
}

const NO_REMARKS: readonly PinnedRemark[] = [];

/** Findings that say something is still to fill (an empty required field, no goods line yet), not that it is wrong. */
const TO_FILL: ReadonlySet<string> = new Set(['required', 'no-lines']);

/** Long enough to cover the gap between two keystrokes of a fast typist, short enough to feel immediate. */
const CHECK_PAUSE_MS = 120;

/** `value` once it has stopped changing for `ms` (the first value at once). */
function usePausedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (settled === value) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}

/** Today's date in China (what main and the hub judge dates by), turning at midnight China time. */
function useChinaToday(): string {
  const [today, setToday] = useState(() => chinaDate(Date.now()));
  useEffect(() => {
    // A second's margin: timers may fire a little early.
    const timer = setTimeout(() => setToday(chinaDate(Date.now())), msUntilChinaMidnight(Date.now()) + 1000);
    return () => clearTimeout(timer);
  }, [today]);
  return today;
}

/**
 * The declaration as the checks judge it while the broker types in a coded field whose lookup list is open
 * (`lookingUp`): text that is not yet a code of the field's table (纸, 纸箱 on the way to 22) is judged as not filled
 * in yet, so the error count does not rise and fall with each keystroke. It is judged as typed once the list closes:
 * a code picked (Enter), the field left (Tab, a click) or the list closed (Esc).
 */
function judgedDoc(doc: DeclarationDoc, lookingUp: string | null, lookup: CodeLookup): DeclarationDoc {
  const path = lookingUp === null ? null : parseFieldPath(lookingUp);
  const table = path ? elementOf(path)?.codeTable : undefined;
  if (lookingUp === null || !path || !table) return doc;
  const value = readField(doc, path);
  if (value === '' || lookup.has(table, value) === true) return doc;
  return applyPatch(goodsDeclaration, doc, [{ op: 'set', path: lookingUp, value: '' }]).doc;
}

/**
 * The shared checks run on the declaration as it is typed (at the stage it will be declared at, with the code tables
 * held here), plus the hub's last rejection, as messages in the current language ordered the
 * way the screen reads. The checks run when typing pauses (CHECK_PAUSE_MS), so a burst of
 * keystrokes is painted at once and checked right after, not once per key. An empty required field is marked as
 * still to fill (`required`) until `insisted`: after 申报 stopped on errors it is an error like any other. The field
 * whose code lookup is open (`lookingUp`, a path) is judged as judgedDoc says.
 */
export function useFindings(
  doc: DeclarationDoc,
  record: DeclarationRecord,
  locale: Locale,
  insisted = false,
  remarks: readonly PinnedRemark[] = NO_REMARKS,
  lookingUp: string | null = null,
) {
  // The field looked up pauses with the document: a code picked with Enter closes the list at once, and the
  // document with the code comes a pause later, so the text typed must not be judged in between.
  const typing = useMemo(() => ({ doc, lookingUp }), [doc, lookingUp]);
  const paused = usePausedValue(typing, CHECK_PAUSE_MS);
  const deferred = paused.doc;
  const codes = useCheckLookup(deferred);
  const ieFlag = record.ieFlag;
  const today = useChinaToday();
  const check = useCallback(
    (on: DeclarationDoc): Finding[] =>
      validateDeclaration(on, {
        catalog: goodsDeclaration,
        stage: declareStageOf(on),
        ieFlag,
        codes: codes.lookup,
        today,
      }),
    [ieFlag, codes.lookup, today],
  );
  const findings: Finding[] = useMemo(
    () => check(judgedDoc(deferred, paused.lookingUp, codes.lookup)),
    [check, deferred, paused.lookingUp, codes.lookup],
  );
  const flowWarnings = useFlowWarnings(deferred, record, locale);
  // A refusal from the hub was judged with the hub's code tables, which main takes as the refusal comes back: read
  // them again, so these checks run on what the hub judged with (and say what it will refuse next time).
  const refused = (record.rejection ?? []).map((r) => `${r.path}\u0000${r.code}`).join('\u0001');
  useEffect(() => {
    if (refused !== '') void refreshCodeTables();
  }, [refused]);
  /** The fields with errors on `on` now (申报 cannot wait for typing to pause). */
  const errorsNow = useCallback(
    (on: DeclarationDoc): string[] => check(on).flatMap((f) => (f.severity === 'error' ? [f.path] : [])),
    [check],
  );
  return useMemo(() => {
    const listed: ListedFinding[] = findings.map((f) => ({
      path: f.path,
      severity: f.severity,
      message: formatFinding(goodsDeclaration, f, locale, ieFlag),
      key: orderKey(f.path, ieFlag),
      // Once 申报 stopped on them they are errors like any other: the broker meant to declare.
      required: !insisted && TO_FILL.has(f.code),
    }));
    for (const r of record.rejection ?? [])
      listed.push({
        path: r.path,
        severity: 'error',
        message: r.message,
        key: orderKey(r.path, ieFlag),
        required: false,
      });
    // A returned declaration's remarks stand until it is submitted for review again.
    for (const r of remarks)
      listed.push({
        path: r.path,
        severity: 'error',
        message: reviewMessages[locale].remarkFinding(fieldLabel(goodsDeclaration, r.path, locale, ieFlag), r.text),
        key: orderKey(r.path, ieFlag),
        required: false,
        remark: true,
      });
    for (const w of flowWarnings)
      listed.push({
        path: w.path,
        severity: 'warning',
        message: w.message,
        key: orderKey(w.path, ieFlag),
        required: false,
      });
    listed.sort(
      (a, b) => compareKeys(a.key, b.key) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
    );
    const errors = new Map<string, FieldError>();
    for (const f of listed) {
      if (f.severity === 'error' && !errors.has(f.path)) errors.set(f.path, { message: f.message, quiet: f.required });
    }
    return {
      listed,
      errors,
      errorCount: listed.filter((f) => f.severity === 'error').length,
      codeName: codes.name,
      errorsNow,
    };
  }, [findings, flowWarnings, record.rejection, locale, ieFlag, codes.name, errorsNow, insisted, remarks]);
}
