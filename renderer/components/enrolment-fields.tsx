import { useState } from 'react';
import type { ApiIssue } from '../../shared/api';
import { issuesFromZod, methods } from '../../shared/api';
import { messages } from '../i18n/messages';
import { issueText } from '../i18n/reasons';
import { useUi } from '../state/ui-store';

type EnrolmentField = 'hubUrl' | 'enrollmentCode';
type EnrolmentProblems = Partial<Record<EnrolmentField, ApiIssue>>;

/**
 * What main would refuse in a hub address and an enrolment code, by sync.connect's own schema and worded as main's
 * issue would be, by field. The forms are noValidate (the browser's bubble speaks the browser's language), so this is
 * the check that says an empty or malformed address or code under its box before anything is saved or sent.
 */
function enrolmentProblems(hubUrl: string, enrollmentCode: string): EnrolmentProblems {
  const input = { hubUrl: hubUrl.trim(), enrollmentCode: enrollmentCode.trim() };
  const checked = methods['sync.connect'].input.safeParse(input);
  const found: EnrolmentProblems = {};
  if (checked.success) return found;
  for (const issue of issuesFromZod(checked.error, input)) {
    if ((issue.path === 'hubUrl' || issue.path === 'enrollmentCode') && !found[issue.path]) found[issue.path] = issue;
  }
  return found;
}

/**
 * A hub address and an enrolment code with what is wrong with them. `checked()` says each problem under its box,
 * moves the focus to the first and answers false; the caller sends nothing unless it answers true. Typing in a box
 * takes back what was said about it. The address box shows `savedHubUrl` (the hub the desk knows, in Settings) until
 * the broker types in it or sends it: an address sent stays in its box, as the code does, to try again after a
 * refusal, even when the desk then knows no hub (a refused enrolment leaves none waiting). The boxes' ids are
 * `<id>-hub-url` and `<id>-code`.
 */
export function useEnrolment(id: string, savedHubUrl = '') {
  const [typedUrl, setHubUrl] = useState<string | null>(null);
  const hubUrl = typedUrl ?? savedHubUrl;
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<EnrolmentProblems>({});
  function checked(): boolean {
    const found = enrolmentProblems(hubUrl, code);
    setProblems(found);
    if (found.hubUrl) document.getElementById(`${id}-hub-url`)?.focus();
    else if (found.enrollmentCode) document.getElementById(`${id}-code`)?.focus();
    const ok = !found.hubUrl && !found.enrollmentCode;
    if (ok) setHubUrl(hubUrl);
    return ok;
  }
  const edit = (field: EnrolmentField, set: (v: string) => void) => (v: string) => {
    set(v);
    setProblems((p) => ({ ...p, [field]: undefined }));
  };
  return {
    hubUrl,
    code,
    checked,
    /** Empties the code box (a code is used once: after an enrolment it is spent). */
    clearCode: () => setCode(''),
    fields: {
      id,
      hubUrl,
      code,
      problems,
      onHubUrl: edit('hubUrl', setHubUrl),
      onCode: edit('enrollmentCode', setCode),
    },
  };
}

/**
 * One box of the pair, its label, and its problem under it in the UI language. The label is the field's one key in
 * the messages, so the first-run setup, the connect dialog and Settings call the address and the code by one name.
 */
export function EnrolmentBox(props: {
  id: string;
  field: EnrolmentField;
  value: string;
  onChange(value: string): void;
  problem: ApiIssue | undefined;
  url?: boolean;
}) {
  const locale = useUi((s) => s.locale);
  const { id, problem } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{messages[locale][props.field]}</label>
      <input
        id={id}
        type={props.url ? 'url' : 'text'}
        value={props.value}
        placeholder={props.url ? messages[locale].hubUrlExample : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {problem ? (
        <span id={`${id}-error`} className="error-text">
          {issueText(locale, problem)}
        </span>
      ) : null}
    </div>
  );
}

/** The hub address and enrolment code boxes (useEnrolment's `fields`). */
export function EnrolmentFields({
  id,
  hubUrl,
  code,
  problems,
  onHubUrl,
  onCode,
}: ReturnType<typeof useEnrolment>['fields']) {
  return (
    <>
      <EnrolmentBox
        id={`${id}-hub-url`}
        field="hubUrl"
        value={hubUrl}
        onChange={onHubUrl}
        problem={problems.hubUrl}
        url
      />
      <EnrolmentBox
        id={`${id}-code`}
        field="enrollmentCode"
        value={code}
        onChange={onCode}
        problem={problems.enrollmentCode}
      />
    </>
  );
}
