import { memo } from 'react';
import { channelInfo, receiptNote } from '../../../shared/status';
import { useReceipts } from '../../api/queries';
import { localSecond } from '../../i18n/local-time';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';

/** The customs history of a declaration: every receipt as it came, unknown codes shown raw. */
export const ReceiptHistory = memo(function ReceiptHistory({ id }: { id: string }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const receipts = useReceipts(id);
  const rows = receipts.data ?? [];
  return (
    <section className="receipts" aria-label={t.receipts}>
      <h3>{t.receipts}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t.noReceipts}</p>
      ) : (
        <table>
          <tbody>
            {rows.map((r, i) => {
              const info = channelInfo(r.channel);
              return (
                <tr key={i}>
                  <td>{localSecond(r.receivedAt)}</td>
                  <td>
                    <code>{r.channel}</code> {info ? (locale === 'en' ? info.en : info.zh) : ''}
                  </td>
                  <td>{receiptNote(r.channel, r.note)}</td>
                  <td>{r.entryId ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
});
