import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import type { ReviewBasis } from '../../../shared/api';
import { findElement, goodsDeclaration, parseFieldPath } from '../../../shared/catalog';
import { reviewDifferences } from '../../../shared/review/review-diff';
import { api, errorNotice } from '../../api/client';
import { localMinute } from '../../i18n/local-time';
import { useUi } from '../../state/ui-store';
import { reviewKey } from './review-bar';
import { useReviewDiffUi } from './review-diff-store';
import { type ReviewMessages, useReviewT } from './review-messages';

// Under the review's own key: a save invalidates the review (review-bar.tsx), and the differences with it.
const comparisonKey = (id: string) => [...reviewKey(id), 'comparison'] as const;

/** A value as the panel shows it: the code with its name in the field's code table, or 空 for none. */
function shown(path: string, value: string, codeName: Props['codeName'], t: ReviewMessages): string {
  if (value === '') return t.diffEmpty;
  const parsed = parseFieldPath(path);
  const section = parsed?.kind === 'row' ? parsed.table : 'head';
  const table = parsed ? findElement(goodsDeclaration, section, parsed.element)?.codeTable : undefined;
  const name = table ? codeName(table, value) : undefined;
  return name ? `${value} ${name}` : value;
}

function basisText(basis: ReviewBasis, t: ReviewMessages): string {
  if (basis.kind === 'template') return t.diffFromTemplate(basis.name);
  const seqNo = basis.entryId ? `${basis.clientSeqNo} · ${basis.entryId}` : basis.clientSeqNo;
  // The day on the broker's own clock, as the list and the timeline write when that declaration was made or declared.
  return t.diffFromDeclaration(seqNo, localMinute(basis.at).slice(0, 10));
}

interface Props {
  id: string;
  ieFlag: 'I' | 'E';
  codeName(table: string, code: string): string | undefined;
  onJump(path: string): void;
}

/**
 * Beside the form while a reviewer checks a declaration: each head field and goods-line cell that differs from the
 * template it was made from or the customer's last declaration of the same goods (main chooses, review.comparison),
 * old → new with the codes' names. A row goes to its field (click or Enter); Esc closes the panel.
 */
export function ReviewDiffPanel({ id, ieFlag, codeName, onJump }: Props) {
  const t = useReviewT();
  const locale = useUi((s) => s.locale);
  const close = useReviewDiffUi((s) => s.close);
  const comparison = useQuery({
    queryKey: comparisonKey(id),
    queryFn: () => api.invoke('review.comparison', { id }),
  });
  const data = comparison.data;
  const differences = useMemo(
    () => (data ? reviewDifferences(goodsDeclaration, data.base, data.current, locale, ieFlag) : []),
    [data, locale, ieFlag],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from the keyboard, the panel takes the focus: ↹ reaches its rows and Esc closes it at once. Closed with the
  // focus inside it (Esc, ×), the focus goes back to where the reviewer was, not to the page.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    heading.current?.focus();
    return () => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && before?.isConnected) before.focus();
    };
  }, []);

  return (
    <section
      className="review-diff"
      aria-label={t.diffTitle}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        close();
      }}
    >
      <h3 tabIndex={-1} ref={heading}>
        {t.diffTitle}
        <button type="button" className="link close" aria-label={t.close} onClick={close}>
          ×
        </button>
      </h3>
      {comparison.isError ? (
        <p className="error-text">{errorNotice(comparison.error)(locale)}</p>
      ) : comparison.isPending ? null : data ? (
        <>
          <p className="muted">{basisText(data.basis, t)}</p>
          <p className="hint">{differences.length === 0 ? t.diffSame : t.diffCount(differences.length)}</p>
          <ul>
            {differences.map((d) => (
              <li key={d.path}>
                <button type="button" className="link" onClick={() => onJump(d.path)}>
                  <span className="diff-field">{d.label}</span>{' '}
                  <span className="diff-values">
                    {shown(d.path, d.before, codeName, t)} → {shown(d.path, d.after, codeName, t)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t.diffNone}</p>
      )}
    </section>
  );
}
