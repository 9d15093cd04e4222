import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api } from '../../api/client';
import { CodePicker } from '../../components/code-picker';
import { Dialog } from '../../components/dialog';
import { navigableFields } from '../../components/enter-navigation';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { declaredByteLength } from '../../../shared/validation/bytes';
import { useEditorUi } from './editor-store';
import { fieldDomId } from './form-layout';
import { joinGModel, splitGModel } from './gmodel';
import { FormFooter } from '../../components/form-footer';

/** The first two 申报要素 are coded since 2018: 品牌类型 and 出口享惠情况. */
const codedElements: Record<number, string> = { 0: 'brand-types', 1: 'export-preferences' };
const GMODEL_MAX = 255;

interface Props {
  codeTs: string;
  gmodel: string;
  line: number;
  onApply(value: string): void;
}

function Elements({
  names,
  initial,
  line,
  onApply,
  onCancel,
}: {
  names: string[];
  initial: string;
  line: number;
  onApply(v: string): void;
  onCancel(): void;
}) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const [values, setValues] = useState(() => splitGModel(initial, names.length));
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    navigableFields(form.current ?? document)[0]?.focus();
  }, []);
  const joined = joinGModel(values);
  const bytes = declaredByteLength(joined);

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const fields = navigableFields(event.currentTarget);
    const index = fields.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    event.preventDefault();
    const next = fields[index + (event.shiftKey ? -1 : 1)];
    // Enter on the last element writes the specification.
    if (next) next.focus();
    else if (!event.shiftKey) onApply(joined);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    onApply(joined);
  }

  return (
    <form noValidate ref={form} onKeyDown={onKeyDown} onSubmit={submit} className="gmodel-form">
      <ol className="gmodel-elements">
        {names.map((name, i) => {
          const id = `gmodel-${line}-${i}`;
          const set = (value: string) => setValues((v) => v.map((x, j) => (j === i ? value : x)));
          const table = codedElements[i];
          return (
            <li key={i} className="field">
              <label htmlFor={id}>{`${i}. ${name}`}</label>
              {table ? (
                <CodePicker
                  id={id}
                  path={`gmodel.${i}`}
                  table={table}
                  value={values[i] ?? ''}
                  locale={locale}
                  invalid={false}
                  readOnly={false}
                  onChange={set}
                  onCommit={() => undefined}
                />
              ) : (
                <input
                  id={id}
                  value={values[i] ?? ''}
                  autoComplete="off"
                  data-enter-nav=""
                  onChange={(e) => set(e.target.value)}
                />
              )}
            </li>
          );
        })}
      </ol>
      <p className="gmodel-preview">
        <span>{t.gmodelPreview}</span> <output aria-label={t.gmodelPreview}>{joined}</output>{' '}
        <span className={`bytes${bytes > GMODEL_MAX ? ' over' : ''}`}>{t.bytes(bytes, GMODEL_MAX)}</span>
      </p>
      <FormFooter onCancel={onCancel} submitLabel={t.gmodelApply} />
    </form>
  );
}

/**
 * The 申报要素 helper: for the line's HS code it asks each declaration element in the tariff's
 * order (Enter moves on, Enter on the last writes) and writes the pipe-joined 规格型号.
 */
export function GModelDialog({ codeTs, gmodel, line, onApply }: Props) {
  const t = useT();
  const close = useEditorUi((s) => s.setGmodelLine);
  const valid = /^\d{10}$/.test(codeTs);
  const tariff = useQuery({
    queryKey: ['tariff.get', codeTs],
    queryFn: () => api.invoke('tariff.get', { code: codeTs }),
    enabled: valid,
    staleTime: Infinity,
  });
  const [raw, setRaw] = useState(gmodel);

  function done(value: string | null): void {
    if (value !== null) onApply(value);
    close(null);
    setTimeout(() => document.getElementById(fieldDomId(`lines[${line}].GModel`))?.focus(), 0);
  }

  const names = tariff.data?.elements ?? null;
  return (
    <Dialog title={t.gmodelTitle} open onClose={() => done(null)}>
      <p>{valid ? t.gmodelFor(line + 1, codeTs) : t.gmodelNeedsCode}</p>
      {valid && tariff.data === null ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            done(raw);
          }}
        >
          <p className="muted">{t.gmodelUnknownCode(codeTs)}</p>
          <div className="field">
            <label htmlFor="gmodel-raw">{t.gmodelPreview}</label>
            <input id="gmodel-raw" value={raw} autoComplete="off" onChange={(e) => setRaw(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {t.gmodelApply}
            </button>
          </div>
        </form>
      ) : null}
      {names ? (
        <Elements names={names} initial={gmodel} line={line} onApply={(v) => done(v)} onCancel={() => done(null)} />
      ) : null}
      {!valid ? (
        <div className="actions">
          <button type="button" onClick={() => done(null)}>
            {t.close}
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}
