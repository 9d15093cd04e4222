import { memo, type KeyboardEvent } from 'react';
import type { PatchOp } from '../../../shared/api';
import { findSection, goodsDeclaration, rowsOf } from '../../../shared/catalog';
import { useT } from '../../i18n/use-t';
import { useEditorUi } from './editor-store';
import type { FieldContext } from './field-context';
import { tabSections } from './form-layout';
import { AttachmentsPanel } from './attachments-panel';
import { TableEditor } from './table-editor';

const sections = tabSections.flatMap((id) => {
  const section = findSection(goodsDeclaration, id);
  return section ? [section] : [];
});

/** The declaration's sub-tables as tabs (←→ between tabs); only the open tab's fields are on screen. */
export const SubTables = memo(function SubTables({
  ctx,
  onOp,
  declarationId,
}: {
  ctx: FieldContext;
  onOp(op: PatchOp): void;
  /** The declaration's id: the 随附单据 tab shows its files (absent in tests of the tables alone). */
  declarationId?: string;
}) {
  const t = useT();
  const active = useEditorUi((s) => s.activeTab);
  const setActive = useEditorUi((s) => s.setActiveTab);
  const current = sections.find((s) => s.id === active) ?? sections[0];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = sections.findIndex((s) => s.id === current?.id);
    const next = sections[(index + (event.key === 'ArrowRight' ? 1 : sections.length - 1)) % sections.length];
    if (!next) return;
    event.preventDefault();
    setActive(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  }

  return (
    <section className="sub-tables" aria-label={t.subTables}>
      <h3>{t.subTables}</h3>
      <div role="tablist" aria-label={t.subTables} onKeyDown={onKeyDown} className="tabs">
        {sections.map((section) => {
          const count = rowsOf(ctx.doc, section.id).length;
          const selected = section.id === current?.id;
          const errors = [...ctx.errors.keys()].some((p) => p.startsWith(`${section.id}[`));
          return (
            <button
              key={section.id}
              id={`tab-${section.id}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`panel-${section.id}`}
              tabIndex={selected ? 0 : -1}
              className={errors ? 'tab-error' : undefined}
              onClick={() => setActive(section.id)}
            >
              {ctx.locale === 'en' ? section.en : section.zh}
              {count > 0 ? <span className="count">{count}</span> : null}
            </button>
          );
        })}
      </div>
      {current ? (
        <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
          {current.id === 'edocs' && declarationId ? (
            <AttachmentsPanel declarationId={declarationId} editable={ctx.editable} />
          ) : null}
          <TableEditor section={current} ctx={ctx} onOp={onOp} />
        </div>
      ) : null}
    </section>
  );
});
