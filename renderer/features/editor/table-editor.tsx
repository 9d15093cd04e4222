import type { PatchOp } from '../../../shared/api';
import type { SectionDef } from '../../../shared/catalog';
import { labelOf, rowsOf } from '../../../shared/catalog';
import { FieldInput } from '../../components/field-input';
import { FieldScope } from '../../components/field-scope';
import { useT } from '../../i18n/use-t';
import type { FieldContext } from './field-context';
import { fieldProps } from './field-context';
import { CellStatus } from './cell-status';
import { useEditorUi } from './editor-store';
import { isHidden } from './form-layout';

/**
 * A cell's class names: a document number's width, and its finding (in error, or still to fill). 随附单据编号 is wide
 * enough for its official number whole (styles.css .doc-number): 申报口岸 + the document type + IM + an 18-digit serial
 * + .pdf, 36 characters, and at the cells' 96 px it read "220100000001I".
 */
function cellClass(xml: string, error: { quiet?: boolean } | undefined): string | undefined {
  const names = [xml === 'EdocID' ? 'doc-number' : '', !error ? '' : error.quiet ? 'cell-required' : 'cell-error'];
  return names.filter(Boolean).join(' ') || undefined;
}

/** A sub-table (containers, licence documents, attachments …): rows named 第N行, a column per element. */
export function TableEditor({
  section,
  ctx,
  onOp,
}: {
  section: SectionDef;
  ctx: FieldContext;
  onOp(op: PatchOp): void;
}) {
  const t = useT();
  const elements = section.elements.filter((d) => !isHidden(d));
  if (!section.repeats) {
    return (
      <FieldScope>
        <div className="group group-single">
          {elements.map((def) => {
            const props = fieldProps(`${section.id}[0].${def.xml}`, ctx, 'form');
            return props ? <FieldInput key={def.xml} {...props} /> : null;
          })}
        </div>
      </FieldScope>
    );
  }
  const rows = rowsOf(ctx.doc, section.id);
  return (
    <FieldScope>
      <div className="table-editor">
        {rows.length === 0 ? <p className="muted">{t.noRows}</p> : null}
        {rows.length > 0 ? (
          <>
            <div className="grid-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    {elements.map((def) => (
                      <th key={def.xml} scope="col">
                        {labelOf(def, ctx.locale, ctx.ieFlag)}
                      </th>
                    ))}
                    <th scope="col">{t.actionsColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((_, index) => (
                    <tr key={index} aria-label={t.rowLabel(index + 1)}>
                      <th scope="row">{index + 1}</th>
                      {elements.map((def) => {
                        const path = `${section.id}[${index}].${def.xml}`;
                        const props = fieldProps(path, ctx, 'cell');
                        const error = ctx.errors.get(path);
                        return (
                          <td key={def.xml} className={cellClass(def.xml, error)}>
                            {props ? <FieldInput {...props} /> : null}
                          </td>
                        );
                      })}
                      <td>
                        <button
                          type="button"
                          disabled={!ctx.editable}
                          onClick={() => onOp({ op: 'removeRow', table: section.id, index })}
                          aria-label={t.removeRow(index + 1)}
                        >
                          {t.removeLine}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <CellStatus section={section.id} ctx={ctx} />
          </>
        ) : null}
        <button
          type="button"
          disabled={!ctx.editable || rows.length >= (section.maxRows ?? 999)}
          onClick={() => {
            onOp({ op: 'insertRow', table: section.id });
            const first = elements[0];
            if (first) useEditorUi.getState().requestFocus(`${section.id}[${rows.length}].${first.xml}`, ctx.ieFlag);
          }}
        >
          {t.addRow}
        </button>
      </div>
    </FieldScope>
  );
}
