import type { ModRequestEntry } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { changePath } from '../../../shared/modify/dec-mod-list';
import { fieldLabel } from '../../../shared/validation';
import { chinaDate } from '../../../shared/validation/china-date';
import { useUi } from '../../state/ui-store';
import { useModifyT } from './modify-messages';
import { PrintSheet } from '../print/print-sheet';

const box = (on: boolean) => (on ? '☑' : '☐');
const shown = (value: string, name: string) => (name ? `${value} ${name}` : value);

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
        <table>
          <tbody>
            <tr>
              <th scope="row">{t.entryId}</th>
              <td>{head.EntryId}</td>
              <th scope="row">{t.kind}</th>
              <td>
                {box(ieFlag === 'I')} {t.import} {box(ieFlag === 'E')} {t.export}
              </td>
            </tr>
            <tr>
              <th scope="row">{t.trade}</th>
              <td>{head.TradeName || tradeName}</td>
              <th scope="row">{t.applying}</th>
              <td>
                {box(head.DecModType === '1')} {t.modify} {box(head.DecModType === '2')} {t.cancel}
              </td>
            </tr>
            <tr>
              <th scope="row">{t.agent}</th>
              <td colSpan={3}>{head.AgentName}</td>
            </tr>
          </tbody>
        </table>
        <table aria-label={t.item}>
          <thead>
            <tr>
              <th scope="col">{t.item}</th>
              <th scope="col">{t.oldValue}</th>
              <th scope="col">{t.newValue}</th>
              <th scope="col">{t.checked}</th>
            </tr>
          </thead>
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
        <table>
          <tbody>
            <tr>
              <th scope="row">{t.papers}</th>
              <td colSpan={3} />
            </tr>
            <tr>
              <th scope="row">{t.reason}</th>
              <td colSpan={3}>{head.DecModNote}</td>
            </tr>
            <tr>
              <th scope="row">{t.applicant}</th>
              <td>{head.AgentName}</td>
              <th scope="row">{t.signature}</th>
              <td />
            </tr>
            <tr>
              <th scope="row">{t.date}</th>
              <td colSpan={3}>{applied}</td>
            </tr>
            <tr>
              <th scope="row">{t.customs}</th>
              <td colSpan={3} />
            </tr>
            <tr>
              <th scope="row">{t.seal}</th>
              <td />
              <th scope="row">{t.customsDate}</th>
              <td />
            </tr>
          </tbody>
        </table>
      </article>
    </PrintSheet>
  );
}
