import { memo } from 'react';
import type { ReasonMessage, TimelineEntry } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { channelInfo, eventName, receiptNote } from '../../../shared/status';
import { fieldLabel } from '../../../shared/validation';
import { useTimeline } from '../../api/queries';
import { SaidDetail } from '../../components/failure-line';
import { messageText } from '../../i18n/reasons';
import { useUi } from '../../state/ui-store';
import { localSecond } from '../../i18n/local-time';
import { useSyncT } from './messages';

interface Step {
  at: string;
  actor: string;
  action: string;
  detail: string;
  /** What the hub said with its answer to a modification or cancellation, each with its detail for 详情. */
  said: ReasonMessage[];
}

/** The reasons a modification's or cancellation's answer carries (none for any other entry). */
function answerReasons(entry: TimelineEntry): ReasonMessage[] {
  if (!/^(modify|cancel)-(approved|refused)$/.test(entry.action)) return [];
  const reasons = field(entry.changes, 'reasons');
  return Array.isArray(reasons) ? (reasons as ReasonMessage[]) : [];
}

/** Consecutive edits by one person read as one step; everything else is one step each. */
export function timelineSteps(
  entries: readonly TimelineEntry[],
  describe: (entry: TimelineEntry) => string,
): Array<Step & { count: number }> {
  const steps: Array<Step & { count: number }> = [];
  for (const entry of entries) {
    const last = steps[steps.length - 1];
    const edits = entry.action === 'edit' && Array.isArray(entry.changes) ? entry.changes.length : 1;
    if (entry.action === 'edit' && last?.action === 'edit' && last.actor === entry.actor) {
      last.count += edits;
      last.at = entry.at;
      continue;
    }
    steps.push({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      detail: describe(entry),
      said: answerReasons(entry),
      count: edits,
    });
  }
  return steps;
}

function field(changes: unknown, key: string): unknown {
  return typeof changes === 'object' && changes !== null && key in changes
    ? (changes as Record<string, unknown>)[key]
    : undefined;
}

/** What was done to a declaration, sent and received, oldest first. */
/** `ieFlag`: the declaration's, so that a remark's field is named as its checks name it (进境关别, not 进出境关别). */
export const Timeline = memo(function Timeline({ id, ieFlag }: { id: string; ieFlag?: 'I' | 'E' }) {
  const m = useSyncT();
  const locale = useUi((s) => s.locale);
  const timeline = useTimeline(id);
  const steps = timelineSteps(timeline.data ?? [], (entry) => {
    if (entry.action === 'receipt') {
      const channel = String(field(entry.changes, 'channel') ?? '');
      const info = channelInfo(channel);
      const note = receiptNote(channel, String(field(entry.changes, 'note') ?? ''));
      const entryId = field(entry.changes, 'entryId');
      return [
        `${channel} ${info ? (locale === 'en' ? info.en : info.zh) : ''}`.trim(),
        note,
        entryId ? String(entryId) : '',
      ]
        .filter(Boolean)
        .join(' · ');
    }
    if (entry.action === 'create') {
      // Where it came from: a template (by its name) or the declaration it copies.
      const template = field(entry.changes, 'template');
      const copied = field(entry.changes, 'copiedFrom');
      if (typeof template === 'string') return m.fromTemplate(template);
      if (typeof copied === 'string') return m.fromCopy(copied);
      return '';
    }
    if (entry.action === 'accepted') {
      const seq = field(entry.changes, 'hubSeq');
      return typeof seq === 'number' ? m.hubSeq(seq) : '';
    }
    if (entry.action === 'modify-request') {
      // The fields the request asks to change, each from its value as declared to the new one.
      const changes = field(entry.changes, 'changes');
      return Array.isArray(changes)
        ? changes
            .map((c) =>
              m.changed(
                String(field(c, 'fieldName') ?? field(c, 'fieldCode') ?? ''),
                String(field(c, 'oldValue') ?? ''),
                String(field(c, 'newValue') ?? ''),
              ),
            )
            .join('; ')
        : '';
    }
    if (/^(modify|cancel)-(approved|refused)$/.test(entry.action)) {
      // The hub's receipt: its 修撤单统一编号, and a refusal's reasons in the UI language.
      const no = field(entry.changes, 'modSeqNo');
      const said = answerReasons(entry).map((r) => messageText(locale, r));
      return [typeof no === 'string' ? m.modSeqNo(no) : '', ...said].filter(Boolean).join(' · ');
    }
    if (entry.action === 'rejected') {
      const errors = field(entry.changes, 'errors');
      return Array.isArray(errors) ? errors.map((e) => String(field(e, 'message') ?? '')).join('; ') : '';
    }
    if (entry.action === 'return-review') {
      // Each remark with its field: once the preparer submits again the remarks leave the checks, and the history was
      // the one place left to read why the declaration came back, yet it gave their number alone.
      const remarks = field(entry.changes, 'remarks');
      if (!Array.isArray(remarks)) return '';
      const each = remarks.map((r) =>
        m.remarkOn(
          fieldLabel(goodsDeclaration, String(field(r, 'path') ?? ''), locale, ieFlag),
          String(field(r, 'text') ?? ''),
        ),
      );
      return [m.remarks(remarks.length), ...each].join(' · ');
    }
    return '';
  });
  return (
    <section className="timeline" aria-label={m.timeline}>
      <h3>{m.timeline}</h3>
      {steps.length === 0 ? (
        <p className="muted">{m.noTimeline}</p>
      ) : (
        <ol>
          {steps.map((step, i) => (
            <li key={i} className={`timeline-${step.action}`}>
              <time dateTime={step.at}>{localSecond(step.at)}</time>{' '}
              <strong>{m.actions[step.action] ?? eventName(step.action, locale)}</strong>
              {step.action === 'edit' ? ` ${m.edits(step.count)}` : ''}
              {step.detail ? ` — ${step.detail}` : ''}{' '}
              <span className="muted">{m.systemActors[step.actor] ?? step.actor}</span>
              {step.said.map((r, j) => (
                <SaidDetail key={j} said={r} />
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
