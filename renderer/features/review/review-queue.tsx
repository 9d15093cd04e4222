import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { create } from 'zustand';
import type { ReviewQueueItem } from '../../../shared/api';
import { api } from '../../api/client';
import { ColumnHeads } from '../../components/column-heads';
import { Dialog } from '../../components/dialog';
import { useUi } from '../../state/ui-store';
import { localMinute } from '../../i18n/local-time';
import { useReviewT } from './review-messages';

/** Whether the review queue is open (Alt+Q from anywhere). */
export const useReviewQueueUi = create<{ open: boolean; setOpen(open: boolean): void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

/**
 * 待复核: the declarations submitted for review, oldest first, with who submitted them, when (China time, as brokers
 * count it), the consignee, the 提运单号 and the number of goods lines. ↑↓ move between them, Enter (or a click) opens
 * one in the editor, where the review bar offers 复核通过 and 退回.
 */
export function ReviewQueueDialog() {
  const t = useReviewT();
  const { open, setOpen } = useReviewQueueUi();
  const select = useUi((s) => s.select);
  const queue = useQuery({
    queryKey: ['review-queue'],
    queryFn: () => api.invoke('review.queue', {}),
    enabled: open,
    staleTime: 0,
  });
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const items = queue.data ?? [];
  // The oldest one is where the reviewer starts: Enter opens it at once.
  const loaded = open && queue.data !== undefined;
  useEffect(() => {
    if (loaded) rows.current[0]?.focus();
  }, [loaded]);

  function openOne(item: ReviewQueueItem): void {
    setOpen(false);
    select(item.declarationId);
  }
  function onKey(event: KeyboardEvent, index: number, item: ReviewQueueItem): void {
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      rows.current[Math.max(0, Math.min(items.length - 1, index + move))]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openOne(item);
    }
  }

  return (
    <Dialog title={t.queueTitle} open={open} onClose={() => setOpen(false)}>
      {open && queue.data ? (
        <>
          <p className="muted">{items.length > 0 ? t.queueCount(items.length) : t.queueEmpty}</p>
          {items.length > 0 ? (
            <table className="review-queue">
              <ColumnHeads labels={t.queueCols} />
              <tbody>
                {items.map((item, index) => (
                  <tr
                    key={item.declarationId}
                    ref={(el) => {
                      rows.current[index] = el;
                    }}
                    tabIndex={0}
                    onKeyDown={(e) => onKey(e, index, item)}
                    onClick={() => openOne(item)}
                  >
                    <td>{item.preparer}</td>
                    <td>{localMinute(item.submittedAt).slice(5)}</td>
                    <td>{item.clientSeqNo}</td>
                    <td>{item.tradeName}</td>
                    <td>{item.billNo}</td>
                    <td>{item.lineCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
      <button type="button" onClick={() => setOpen(false)}>
        {t.close}
      </button>
    </Dialog>
  );
}
