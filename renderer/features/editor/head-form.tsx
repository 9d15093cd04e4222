import { memo } from 'react';
import { parseFieldPath, readField } from '../../../shared/catalog';
import type { PartySlot } from '../../../shared/libraries';
import { partySlots } from '../../../shared/libraries';
import type { Locale } from '../../../shared/i18n/locale';
import { FieldInput } from '../../components/field-input';
import { FieldScope } from '../../components/field-scope';
import { useLibraryUi } from '../libraries/library-store';
import { libraryMessages } from '../libraries/messages';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { useEditorUi } from './editor-store';
import { flowMessages } from './flow-messages';
import { copyTradeToOwner } from './same-as-trade';
import type { FieldContext } from './field-context';
import { fieldProps } from './field-context';
import type { FieldGroup } from './form-layout';
import { groupFields, moreHeadFields } from './form-layout';

function Fields({ paths, ctx }: { paths: readonly string[]; ctx: FieldContext }) {
  return (
    <>
      {paths.map((path) => {
        const props = fieldProps(path, ctx, 'form');
        return props ? <FieldInput key={path} {...props} /> : null;
      })}
    </>
  );
}

const isPartySlot = (id: string): boolean => (partySlots as readonly string[]).includes(id);

/** What a customs code or USCC keyed in this box filled (use-keyed-party.ts), and 撤销 to put back what was there. */
function KeyedFillNote({ group, locale }: { group: FieldGroup; locale: Locale }) {
  const shown = useEditorUi((s) => (s.partyFill?.fill.slot === group.id ? s.partyFill : null));
  if (!shown) return null;
  const ft = flowMessages[locale];
  const { fill } = shown;
  const from = fill.source === 'library' ? ft.keyedFromLibrary : ft.keyedFromDeclaration(fill.clientSeqNo ?? '');
  return (
    <p className="keyed-fill" role="status">
      {ft.keyedFilled(fill.keyed.value, from, fill.fields)} ·{' '}
      <button
        type="button"
        className="link"
        aria-label={ft.keyedUndoLabel(locale === 'en' ? group.en : group.zh)}
        onClick={shown.undo}
      >
        {ft.keyedUndo}
      </button>
    </p>
  );
}

/** The same field in two contexts: its value and its finding. */
function sameField(path: string, a: FieldContext, b: FieldContext): boolean {
  const parsed = parseFieldPath(path);
  if (!parsed || readField(a.doc, parsed) !== readField(b.doc, parsed)) return false;
  const x = a.errors.get(path);
  const y = b.errors.get(path);
  return x === y || (x?.message === y?.message && x?.quiet === y?.quiet);
}

/**
 * A box renders again only when one of its own fields (value or finding) or the context's settings change: a
 * keystroke in one field of the head then renders that field's box, not the head's sixty-odd fields. (同上 reads
 * 境内收发货人 when clicked, from ctx.headNow.)
 */
const sameBox = (a: { group: FieldGroup; ctx: FieldContext }, b: { group: FieldGroup; ctx: FieldContext }) =>
  a.group === b.group &&
  sameSettings(a.ctx, b.ctx) &&
  groupFields(a.group, a.ctx.ieFlag).every((path) => sameField(path, a.ctx, b.ctx));

/** Every member of the context but the document and the findings (language, direction, locks, callbacks …). */
function sameSettings(a: FieldContext, b: FieldContext): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((key) => key === 'doc' || key === 'errors' || x[key] === y[key]);
}

/** One box of the printed form, a fieldset named by the box's title. */
const GroupBox = memo(function GroupBox({ group, ctx }: { group: FieldGroup; ctx: FieldContext }) {
  return (
    <FieldScope>
      <fieldset className={`group group-${group.id}`}>
        <legend>{ctx.locale === 'en' ? group.en : group.zh}</legend>
        {isPartySlot(group.id) ? (
          // The party box's code, name, USCC and CIQ code from the party library in one pick (also F3 in the box).
          <button
            type="button"
            className="link library-pick"
            aria-keyshortcuts="F3"
            aria-label={libraryMessages[ctx.locale].fromLibraryNamed(ctx.locale === 'en' ? group.en : group.zh)}
            disabled={!ctx.editable}
            onClick={() => useLibraryUi.getState().openPartyPicker(group.id as PartySlot)}
          >
            {libraryMessages[ctx.locale].fromLibrary}
          </button>
        ) : null}
        {group.id === 'owner' ? (
          // 同上 (Ctrl+D): often the same company as 境内收发货人.
          <button
            type="button"
            className="link library-pick"
            aria-keyshortcuts="Control+D"
            aria-label={flowMessages[ctx.locale].sameAboveLabel(ctx.ieFlag)}
            disabled={!ctx.editable}
            onClick={() => {
              if (copyTradeToOwner(ctx.headNow?.() ?? ctx.doc.head, ctx.ieFlag, ctx.setField, ctx.commit)) {
                const { notify } = useUi.getState();
                notify({ kind: 'info', message: (l) => flowMessages[l].sameAsTrade(ctx.ieFlag) });
              }
            }}
          >
            {flowMessages[ctx.locale].sameAbove}
          </button>
        ) : null}
        <Fields paths={groupFields(group, ctx.ieFlag)} ctx={ctx} />
        {isPartySlot(group.id) ? <KeyedFillNote group={group} locale={ctx.locale} /> : null}
      </fieldset>
    </FieldScope>
  );
}, sameBox);

/** Boxes of the printed form, each a fieldset named by the box's title. */
export const FieldGroups = memo(function FieldGroups({
  groups,
  ctx,
}: {
  groups: readonly FieldGroup[];
  ctx: FieldContext;
}) {
  return (
    <>
      {groups.map((group) => (
        <GroupBox key={group.id} group={group} ctx={ctx} />
      ))}
    </>
  );
});

/** Head fields the printed form does not show, behind a toggle (their fields join the Enter order when open). */
export const MoreHead = memo(function MoreHead({ ctx }: { ctx: FieldContext }) {
  const t = useT();
  const open = useEditorUi((s) => s.moreOpen);
  const setOpen = useEditorUi((s) => s.setMoreOpen);
  const paths = moreHeadFields(ctx.ieFlag);
  const filled = paths.filter((p) => ctx.errors.has(p) || fieldProps(p, ctx, 'form')?.value).length;
  return (
    <section className="more-head" aria-label={t.moreHead}>
      <button type="button" className="toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {t.moreHead} {filled > 0 ? `(${filled})` : ''}
      </button>
      {open ? (
        <FieldScope>
          <div className="group group-more">
            <Fields paths={paths} ctx={ctx} />
          </div>
        </FieldScope>
      ) : null}
    </section>
  );
});
