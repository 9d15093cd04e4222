import type { ExtractResult } from '../../../shared/api';
import type { Box, ProposedLineField } from '../../../shared/extract/document';
import type { DraftHead, DraftLine } from './review-model';
import { doubtfulOf, isDoubtful, mismatchesOf, reviewColumns } from './review-model';
import { useExtractT } from './messages';

interface Draft {
  lines: DraftLine[];
  head: DraftHead[];
}

/** Which value the broker is on: its line (or the head) and field, for the highlight on the page. */
export type Pointed = { line: number; field: ProposedLineField } | { head: DraftHead['field'] } | { mismatch: number };

/**
 * The proposed lines, each value editable and each line checkable, with what the library proposed marked and every
 * mismatch flagged on its cell; then the head values offered, each taken or not; then the cross-checks.
 */
export function ReviewTable({
  result,
  draft,
  onDraft,
  onPoint,
}: {
  result: ExtractResult;
  draft: Draft;
  onDraft(draft: Draft): void;
  onPoint(pointed: Pointed | null): void;
}) {
  const t = useExtractT();
  const { extraction } = result;
  const setLine = (index: number, change: Partial<DraftLine>) =>
    onDraft({ ...draft, lines: draft.lines.map((l, i) => (i === index ? { ...l, ...change } : l)) });
  const setHead = (index: number, change: Partial<DraftHead>) =>
    onDraft({ ...draft, head: draft.head.map((h, i) => (i === index ? { ...h, ...change } : h)) });
  const allAccepted = draft.lines.length > 0 && draft.lines.every((l) => l.accepted);
  const point = (pointed: Pointed) => ({
    onFocus: () => onPoint(pointed),
    onMouseEnter: () => onPoint(pointed),
  });

  return (
    <div className="extract-review">
      <h3>{t.lines}</h3>
      <div className="extract-lines-scroll">
        <table className="extract-lines">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={t.acceptAll}
                  checked={allAccepted}
                  onChange={(e) =>
                    onDraft({ ...draft, lines: draft.lines.map((l) => ({ ...l, accepted: e.target.checked })) })
                  }
                />
              </th>
              <th>#</th>
              {reviewColumns.map((field) => (
                <th key={field}>{t.fields[field]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {draft.lines.map((line, index) => {
              const flagged = mismatchesOf(extraction.mismatches, index).length > 0;
              return (
                <tr key={index} className={flagged ? 'mismatch-line' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.acceptLine(index + 1)}
                      checked={line.accepted}
                      onChange={(e) => setLine(index, { accepted: e.target.checked })}
                    />
                  </td>
                  <td>{index + 1}</td>
                  {reviewColumns.map((field) => {
                    const proposed = extraction.lines[index]?.values[field];
                    const wrong = mismatchesOf(extraction.mismatches, index, field);
                    const library = proposed?.fromLibrary !== undefined;
                    const value = line.values[field] ?? '';
                    const doubtful = isDoubtful(proposed, value);
                    const said = [...wrong.map((m) => t.mismatch(m)), ...(doubtful ? [t.doubtful] : [])];
                    return (
                      <td
                        key={field}
                        className={[
                          wrong.length > 0 ? 'mismatch' : '',
                          doubtful ? 'doubtful' : '',
                          library ? 'from-library' : '',
                        ]
                          .filter(Boolean)
                          .join(' ')}
                        title={said.join('\n') || (library ? t.fromLibraryTitle : undefined)}
                        {...point({ line: index, field })}
                      >
                        <input
                          // The review opens on the first value (its source highlighted), inside the dialog.
                          autoFocus={index === 0 && field === reviewColumns[0]}
                          aria-label={`${index + 1} ${t.fields[field]}`}
                          value={value}
                          // The whole value on hover: a long name is cut (with an ellipsis) in the column's width.
                          title={value || undefined}
                          onChange={(e) => setLine(index, { values: { ...line.values, [field]: e.target.value } })}
                        />
                        {doubtful ? <span className="badge doubtful-badge">{t.doubtfulBadge}</span> : null}
                        {library ? <span className="badge">{t.fromLibrary}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {draft.head.length > 0 ? (
        <fieldset className="extract-head">
          <legend>{t.head}</legend>
          {draft.head.map((h, index) => {
            const doubtful = isDoubtful(extraction.head[h.field], h.value);
            return (
              <div
                key={h.field}
                className={doubtful ? 'extract-head-row doubtful' : 'extract-head-row'}
                title={doubtful ? t.doubtful : undefined}
                {...point({ head: h.field })}
              >
                <label>
                  <input
                    type="checkbox"
                    checked={h.taken}
                    aria-label={t.takeHead(t.heads[h.field])}
                    onChange={(e) => setHead(index, { taken: e.target.checked })}
                  />{' '}
                  {t.heads[h.field]}
                </label>{' '}
                <input
                  aria-label={t.heads[h.field]}
                  value={h.value}
                  title={h.value || undefined}
                  onChange={(e) => setHead(index, { value: e.target.value })}
                />
                {doubtful ? <span className="badge doubtful-badge">{t.doubtfulBadge}</span> : null}
                {extraction.head[h.field]?.source?.raw ? (
                  <span className="muted"> ← {extraction.head[h.field]?.source?.raw}</span>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}

      <section className="extract-checks" aria-label={t.checks}>
        <h3>{t.checks}</h3>
        {extraction.mismatches.length === 0 ? <p>{t.noMismatch}</p> : null}
        <ul>
          {extraction.mismatches.map((m, index) => (
            <li key={index} className="mismatch" tabIndex={0} {...point({ mismatch: index })}>
              {t.mismatch(m)}
            </li>
          ))}
          {doubtfulOf(result, draft).map(({ at, value }) => {
            const where = 'line' in at ? t.lineField(at.line + 1, t.fields[at.field]) : t.heads[at.head];
            return (
              <li key={where} className="doubtful" tabIndex={0} {...point(at)}>
                {t.doubtfulValue(where, value)}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

/** The box of what the broker is on, and the file it is in. */
export function pointedBox(result: ExtractResult, pointed: Pointed | null): { file: number; box: Box } | null {
  if (!pointed) return null;
  const { extraction } = result;
  const value =
    'line' in pointed
      ? extraction.lines[pointed.line]?.values[pointed.field]
      : 'head' in pointed
        ? extraction.head[pointed.head]
        : undefined;
  const fromValue = sourceBox(result, value?.source);
  if (fromValue) return fromValue;
  if ('mismatch' in pointed) {
    const m = extraction.mismatches[pointed.mismatch];
    // The box is on the page of the document the mismatch names (a packing list's total, rows after its totals row).
    if (m?.box) return sourceBox(result, { fileName: m.fileName ?? '', box: m.box });
    const line = m?.line !== undefined ? extraction.lines[m.line]?.values[m.field as ProposedLineField] : undefined;
    return sourceBox(result, line?.source);
  }
  return null;
}

/** Where a value was read: its box, and the index of the file of that name (the first file when no file has it). */
function sourceBox(
  result: ExtractResult,
  source: { fileName: string; box?: Box | undefined } | undefined,
): { file: number; box: Box } | null {
  if (!source?.box) return null;
  const file = result.files.findIndex((f) => f.fileName === source.fileName);
  return { file: Math.max(0, file), box: source.box };
}
