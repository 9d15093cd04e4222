import { declaredByteLength } from '../../../shared/validation/bytes';
import { messages } from '../../i18n/messages';
import { useEditorUi } from './editor-store';
import type { FieldContext } from './field-context';
import { fieldProps } from './field-context';

/**
 * The status line under a grid: the focused cell's label, its byte count against the limit for
 * long text, the code's name and the cell's finding. Cells themselves are bare inputs.
 */
export function CellStatus({ section, ctx }: { section: string; ctx: FieldContext }) {
  const path = useEditorUi((s) => s.currentPath);
  const props = path && path.startsWith(`${section}[`) ? fieldProps(path, ctx, 'cell') : null;
  if (!props) return <div className="cell-status" aria-hidden="true" />;
  const t = messages[ctx.locale];
  const { def, value } = props;
  const counter = def.type === 'string' && def.length >= 50;
  const used = counter ? declaredByteLength(value) : 0;
  return (
    <div className="cell-status" aria-hidden="true">
      <strong>{props.label}</strong>
      {counter ? <span className={`bytes${used > def.length ? ' over' : ''}`}>{t.bytes(used, def.length)}</span> : null}
      {props.codeName ? <span className="code-name">{props.codeName}</span> : null}
      {props.error ? (
        <span className={props.quiet ? 'field-message to-fill' : 'field-message'}>{props.error}</span>
      ) : null}
    </div>
  );
}
