import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Row } from '../../../shared/catalog';
import { findElement, goodsDeclaration, labelOf } from '../../../shared/catalog';
import { api } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../app/ui-store';
import { FieldInput } from '../../components/field-input';
import { issuesByField } from './form-errors';
import { useLt } from './messages';

/**
 * The fields brokers give defaults (DOMAIN.md §4: 报关单默认值): 申报地海关, 进出境关别, 监管方式,
 * 征免性质, 成交方式, 包装种类, 运输方式, and those every declaration needs and nobody fills by
 * hand each time (报关标志, 报关单类型, 报关/转关关系标志, 价格说明); 申报单位 comes from the operator
 * profile itself. For each new goods line: 征免, 币制, 境内目的地.
 */
export const defaultHeadFields = ['CustomMaster', 'IEPort', 'TradeMode', 'CutMode', 'TransMode', 'WrapType', 'TrafMode', 'EdiId', 'EntryType', 'DeclTrnRel', 'PromiseItmes', 'Type', 'DeclCiqCode'] as const;
export const defaultLineFields = ['DutyMode', 'TradeCurr', 'DistrictCode'] as const;

function DefaultsForm({ initial, operator }: { initial: { head: Row; line: Row }; operator: string }) {
  const t = useLt();
  const locale = useUi((s) => s.locale);
  const notify = useUi((s) => s.notify);
  const [head, setHead] = useState<Row>(initial.head);
  const [line, setLine] = useState<Row>(initial.line);
  const [errors, setErrors] = useState<{ fields: Map<string, string>; message: string | null }>({ fields: new Map(), message: null });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      const saved = await api.invoke('defaults.update', { head, line });
      queryClient.setQueryData(['defaults'], saved);
      setErrors({ fields: new Map(), message: null });
      notify({ kind: 'info', message: t.defaultsSaved });
    } catch (e) {
      setErrors(issuesByField(e, locale));
    }
  }

  const field = (section: 'head' | 'lines', key: string, values: Row, set: (update: (r: Row) => Row) => void) => {
    const def = findElement(goodsDeclaration, section, key);
    if (!def) return null;
    const path = section === 'head' ? `head.${key}` : `line.${key}`;
    return (
      <FieldInput
        key={key}
        id={`default-${section}-${key}`}
        path={`defaults.${path}`}
        def={def}
        label={labelOf(def, locale, 'I')}
        value={values[key] ?? ''}
        locale={locale}
        variant="form"
        readOnly={false}
        error={errors.fields.get(path)}
        onChange={(_p, value) => set((r) => ({ ...r, [key]: value }))}
        onCommit={() => undefined}
      />
    );
  };

  return (
    <form className="library-form" onSubmit={(e) => void submit(e)} aria-label={t.tabDefaults}>
      <p className="muted">{t.defaultsFor(operator)}</p>
      <fieldset>
        <legend>{t.defaultsHead}</legend>
        {defaultHeadFields.map((key) => field('head', key, head, setHead))}
      </fieldset>
      <fieldset>
        <legend>{t.defaultsLine}</legend>
        {defaultLineFields.map((key) => field('lines', key, line, setLine))}
      </fieldset>
      {errors.message ? (
        <p role="alert" className="error-text">
          {errors.message}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary">
          {t.save}
        </button>
      </div>
    </form>
  );
}

/** 新建默认值: the current operator's default values for new declarations and new goods lines. */
export function DefaultsPanel() {
  const t = useLt();
  const defaults = useQuery({ queryKey: ['defaults'], queryFn: () => api.invoke('defaults.get', {}) });
  if (!defaults.data) return null;
  if (!defaults.data.profileId || !defaults.data.operator) return <p className="muted">{t.defaultsNoProfile}</p>;
  return <DefaultsForm key={defaults.data.profileId} initial={defaults.data} operator={defaults.data.operator} />;
}
