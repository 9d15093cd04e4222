import { FailureLine } from '../../components/failure-line';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { DeclarationDefaults } from '../../../shared/api';
import type { Row } from '../../../shared/catalog';
import { findElement, goodsDeclaration, labelOf } from '../../../shared/catalog';
import type { DefaultsDirection } from '../../../shared/libraries';
import { defaultsDirections, defaultsOf } from '../../../shared/libraries';
import { api } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { FieldInput } from '../../components/field-input';
import { issuesByField } from './form-errors';
import { libraryMessages, useLibraryT } from './messages';

/**
 * The fields brokers give defaults (DOMAIN.md §4: 报关单默认值): 申报地海关, 进出境关别, 监管方式,
 * 征免性质, 成交方式, 包装种类, 运输方式, and those every declaration needs and nobody fills by
 * hand each time (报关标志, 报关单类型, 报关/转关关系标志, 价格说明); 申报单位 comes from the operator
 * profile itself. For each new goods line: 征免, 币制, 境内目的地.
 */
export const defaultHeadFields = [
  'CustomMaster',
  'IEPort',
  'TradeMode',
  'CutMode',
  'TransMode',
  'WrapType',
  'TrafMode',
  'EdiId',
  'EntryType',
  'DeclTrnRel',
  'PromiseItmes',
  'Type',
  'DeclCiqCode',
] as const;
export const defaultLineFields = ['DutyMode', 'TradeCurr', 'DistrictCode'] as const;

/**
 * The values of each direction (imports and exports, imports only, exports only), one shown at a
 * time; saving saves the one shown. Edits to the others stay until the panel closes.
 */
function DefaultsForm({ defaults, operator }: { defaults: DeclarationDefaults; operator: string }) {
  const t = useLibraryT();
  const locale = useUi((s) => s.locale);
  const notify = useUi((s) => s.notify);
  const [direction, setDirection] = useState<DefaultsDirection>('both');
  const [values, setValues] = useState(
    () =>
      Object.fromEntries(defaultsDirections.map((d) => [d, defaultsOf(defaults, d)])) as Record<
        DefaultsDirection,
        { head: Row; line: Row }
      >,
  );
  // The refusal itself, worded at each render (a language switch words it again).
  const [failure, setFailure] = useState<unknown>(null);
  const errors = issuesByField(failure, locale);
  const { head, line } = values[direction];
  // Labels as the declarations they fill show them (出境关别 on an export's).
  const ieFlag = direction === 'E' ? 'E' : 'I';
  const names: Record<DefaultsDirection, string> = { both: t.defaultsBoth, I: t.defaultsImport, E: t.defaultsExport };

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      const saved = await api.invoke('defaults.update', { direction, head, line });
      queryClient.setQueryData(['defaults'], saved);
      setFailure(null);
      notify({ kind: 'info', message: (l) => libraryMessages[l].defaultsSaved });
    } catch (e) {
      setFailure(e);
    }
  }

  function choose(next: DefaultsDirection): void {
    setDirection(next);
    setFailure(null);
  }

  const field = (section: 'head' | 'line', key: string) => {
    const def = findElement(goodsDeclaration, section === 'head' ? 'head' : 'lines', key);
    if (!def) return null;
    const path = `${section}.${key}`;
    return (
      <FieldInput
        key={key}
        id={`default-${section}-${key}`}
        path={`defaults.${path}`}
        def={def}
        label={labelOf(def, locale, ieFlag)}
        value={values[direction][section][key] ?? ''}
        locale={locale}
        variant="form"
        readOnly={false}
        error={errors.fields.get(path)}
        onChange={(_p, value) =>
          setValues((all) => ({
            ...all,
            [direction]: { ...all[direction], [section]: { ...all[direction][section], [key]: value } },
          }))
        }
        onCommit={() => undefined}
      />
    );
  };

  return (
    <form noValidate className="library-form" onSubmit={(e) => void submit(e)} aria-label={t.tabDefaults}>
      <p className="muted">{t.defaultsFor(operator)}</p>
      <fieldset role="radiogroup" aria-label={t.defaultsDirection}>
        <legend>{t.defaultsDirection}</legend>
        {defaultsDirections.map((d) => (
          <label key={d} className="inline">
            <input
              type="radio"
              name="defaults-direction"
              value={d}
              checked={direction === d}
              onChange={() => choose(d)}
            />{' '}
            {names[d]}
          </label>
        ))}
      </fieldset>
      {direction === 'both' ? null : (
        <p className="muted">{t.defaultsOwnHint(direction === 'I' ? t.importDeclarations : t.exportDeclarations)}</p>
      )}
      <fieldset>
        <legend>{t.defaultsHead}</legend>
        {defaultHeadFields.map((key) => field('head', key))}
      </fieldset>
      <fieldset>
        <legend>{t.defaultsLine}</legend>
        {defaultLineFields.map((key) => field('line', key))}
      </fieldset>
      <FailureLine error={errors.message} />
      <div className="actions">
        <button type="submit" className="primary">
          {t.save}
        </button>
      </div>
    </form>
  );
}

/** 新建默认值: the current operator's default values for new declarations and new goods lines, shared or per direction. */
export function DefaultsPanel() {
  const t = useLibraryT();
  const defaults = useQuery({ queryKey: ['defaults'], queryFn: () => api.invoke('defaults.get', {}) });
  if (!defaults.data) return null;
  if (!defaults.data.profileId || !defaults.data.operator) return <p className="muted">{t.defaultsNoProfile}</p>;
  return <DefaultsForm key={defaults.data.profileId} defaults={defaults.data} operator={defaults.data.operator} />;
}
