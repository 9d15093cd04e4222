import type { ReactNode } from 'react';
import { Fragment } from 'react';
import type { ModRequestEntry } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { changePath } from '../../../shared/modify/dec-mod-list';
import { fieldLabel } from '../../../shared/validation';
import { chinaDate } from '../../../shared/validation/china-date';
import { ColumnHeads } from '../../components/column-heads';
import { useUi } from '../../state/ui-store';
import { useModifyT } from './modify-messages';
import { PrintSheet } from '../print/print-sheet';

const box = (on: boolean) => (on ? '☑' : '☐');
const shown = (value: string, name: string) => (name ? `${value} ${name}` : value);

/** A box of the form: its label, and what is filled in (none: left empty, for the applicant or customs to fill). */
type FormItem = [label: string, value?: ReactNode];

/** Rows of the form's boxes: a row of one box spans the form's width, a row of two sets them side by side. */
function FormTable({ rows }: { rows: FormItem[][] }) {
  return (
    <table>
      <tbody>
        {rows.map((items) => (
          <tr key={items[0]?.[0]}>
            {items.map(([label, value]) => (
              <Fragment key={label}>
                <th scope="row">{label}</th>
                <td colSpan={items.length === 1 ? 3 : undefined}>{value}</td>
              </Fragment>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The printed 进出口货物报关单修改/撤销表 of a request, laid out as the form's published sample and its filling notes
 * (docs/modify-cancel.md): the declaration's number and type, the 收发货人, modification or cancellation, the agent,
 * one row per data item (原填报内容 → 应填报内容), the reason, the applicant's seal, signature and date, and the boxes
 * customs fills left empty. It opens over the app like the other printed forms: Esc or 关闭 closes it.
 */
export function ModFormSheet({
  request,
  tradeName,
  onClose,
}: {
  request: ModRequestEntry;
  tradeName: string;
  onClose(): void;
}) {
  const t = useModifyT().form;
  const locale = useUi((s) => s.locale);
  const { head } = request;
  const ieFlag = head.IeFlag;
  const applied = chinaDate(Date.parse(request.createdAt)).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
  // A cancellation lists no data items; the form still has its rows, to be struck out or left empty.
  const rows = request.changes.length > 0 ? request.changes : null;

  return (
    <PrintSheet title={t.title} fileName={`${head.EntryId}-${t.title.replace('/', '-')}.pdf`} onClose={onClose}>
      <article className="print-page mod-form-sheet">
        <h1 className="print-title">{t.title}</h1>
        <p>
          {t.no}：＿＿＿＿ · {t.modSeqNo}：{request.modSeqNo ?? ''}
        </p>
        <FormTable
          rows={[
            [
              [t.entryId, head.EntryId],
              [
                t.kind,
                <>
                  {box(ieFlag === 'I')} {t.import} {box(ieFlag === 'E')} {t.export}
                </>,
              ],
            ],
            [
              [t.trade, head.TradeName || tradeName],
              [
                t.applying,
                <>
                  {box(head.DecModType === '1')} {t.modify} {box(head.DecModType === '2')} {t.cancel}
                </>,
              ],
            ],
            [[t.agent, head.AgentName]],
          ]}
        />
        <table aria-label={t.item}>
          <ColumnHeads labels={[t.item, t.oldValue, t.newValue, t.checked]} />
          <tbody>
            {rows ? (
              rows.map((c) => (
                <tr key={c.no}>
                  <th scope="row">{fieldLabel(goodsDeclaration, changePath(c), locale, ieFlag)}</th>
                  <td>{shown(c.oldValue, c.oldName)}</td>
                  <td>{shown(c.newValue, c.newName)}</td>
                  <td />
                </tr>
              ))
            ) : (
              <tr>
                <td>—</td>
                <td />
                <td />
                <td />
              </tr>
            )}
          </tbody>
        </table>
        <FormTable
          rows={[
            [[t.papers]],
            [[t.reason, head.DecModNote]],
            [[t.applicant, head.AgentName], [t.signature]],
            [[t.date, applied]],
            [[t.customs]],
            [[t.seal], [t.customsDate]],
          ]}
        />
      </article>
    </PrintSheet>
  );
}
