import { FieldInput } from '../../components/field-input';
import { FieldScope } from '../../components/field-scope';
import { useT } from '../../i18n/use-t';
import { useEditorUi } from './editor-store';
import type { FieldContext } from './field-context';
import { fieldProps } from './field-context';
import { lineDetailColumns } from './form-layout';

/**
 * The current goods line's elements outside the grid (CIQ details, dangerous goods, processing trade …), opened on
 * demand.
 */
export function LineDetail({ ctx }: { ctx: FieldContext }) {
  const t = useT();
  const open = useEditorUi((s) => s.detailOpen);
  const setOpen = useEditorUi((s) => s.setDetailOpen);
  const current = useEditorUi((s) => s.currentLine);
  const lines = ctx.doc.lines.length;
  if (lines === 0) return null;
  const index = Math.min(current, lines - 1);
  const title = t.lineDetails(index + 1);
  return (
    <section className="line-detail" aria-label={title}>
      <button type="button" className="toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {title}
      </button>
      {open ? (
        <FieldScope>
          <div className="group group-detail">
            {lineDetailColumns.map((xml) => {
              const props = fieldProps(`lines[${index}].${xml}`, ctx, 'form');
              return props ? <FieldInput key={xml} {...props} /> : null;
            })}
          </div>
        </FieldScope>
      ) : null}
    </section>
  );
}
