import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Party } from '../../../shared/api';
import type { PartyField, PartyInput, PartyRole } from '../../../shared/libraries';
import { partyFieldLabels, partyInput, partyRoleLabels, partyRoles } from '../../../shared/libraries';
import { api } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { issuesByField } from './form-errors';
import { LIBRARY_PAGE_SIZE, PagedLibraryTable, useLibraryPaging } from './library-pager';
import { LibraryFileButtons, RecordActions } from './library-actions';
import { useLibraryT } from './messages';
import { FormFooter } from '../../components/form-footer';
import { listWords } from '../../i18n/list-words';

const empty: PartyInput = {
  roles: ['trade'],
  customsCode: '',
  uscc: '',
  ciqCode: '',
  nameZh: '',
  nameEn: '',
  address: '',
  note: '',
};
const textFields: readonly Exclude<PartyField, 'roles'>[] = [
  'nameZh',
  'nameEn',
  'customsCode',
  'uscc',
  'ciqCode',
  'address',
  'note',
];

/** Add or change a party; each refusal shows at its field. */
function PartyForm({ party, onDone }: { party: Party | null; onDone(): void }) {
  const t = useLibraryT();
  const locale = useUi((s) => s.locale);
  const [values, setValues] = useState<PartyInput>(() => (party ? partyInput(party) : { ...empty }));
  // The refusal itself, worded at each render (a language switch words it again).
  const [failure, setFailure] = useState<unknown>(null);
  const errors = issuesByField(failure, locale);
  const label = (f: PartyField) => partyFieldLabels[f][locale === 'en' ? 'en' : 'zh'];
  const form = useRef<HTMLFormElement>(null);
  // A new party starts at its name (中文名称): the roles default to 境内收发货人, the name is what is keyed first.
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('#party-nameZh')?.focus();
  }, []);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      await api.invoke('parties.save', { ...values, ...(party ? { id: party.id } : {}) });
      await queryClient.invalidateQueries({ queryKey: ['parties'] });
      onDone();
    } catch (e) {
      setFailure(e);
    }
  }

  const toggle = (role: PartyRole, on: boolean) =>
    setValues((v) => ({ ...v, roles: on ? [...v.roles, role] : v.roles.filter((r) => r !== role) }));
  return (
    <form
      noValidate
      ref={form}
      className="library-form"
      onSubmit={(e) => void submit(e)}
      aria-label={party ? t.editParty : t.newParty}
    >
      <fieldset>
        <legend>{label('roles')}</legend>
        {partyRoles.map((role) => (
          <label key={role} className="inline">
            <input
              type="checkbox"
              checked={values.roles.includes(role)}
              onChange={(e) => toggle(role, e.target.checked)}
            />{' '}
            {partyRoleLabels[role][locale === 'en' ? 'en' : 'zh']}
          </label>
        ))}
        {errors.fields.get('roles') ? <span className="field-message">{errors.fields.get('roles')}</span> : null}
      </fieldset>
      {textFields.map((f) => (
        <div key={f} className={`field${errors.fields.has(f) ? ' field-error' : ''}`}>
          <label htmlFor={`party-${f}`}>{label(f)}</label>
          <input
            id={`party-${f}`}
            value={values[f]}
            autoComplete="off"
            aria-invalid={errors.fields.has(f) ? true : undefined}
            aria-describedby={errors.fields.has(f) ? `party-${f}-msg` : undefined}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
          {errors.fields.has(f) ? (
            <span id={`party-${f}-msg`} className="field-message">
              {errors.fields.get(f)}
            </span>
          ) : null}
        </div>
      ))}
      <FormFooter error={errors.message} onCancel={onDone} submitLabel={t.save} />
    </form>
  );
}

/** 企业库: search (code, credit code, name, pinyin initials), filter by role, add, change, delete, import and export. */
export function PartyPanel() {
  const t = useLibraryT();
  const app = useT();
  const locale = useUi((s) => s.locale);
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<PartyRole | ''>('');
  const [editing, setEditing] = useState<Party | 'new' | null>(null);
  const paging = useLibraryPaging(JSON.stringify([query, role]));
  const list = useQuery({
    queryKey: ['parties', 'list', query, role, paging.start],
    queryFn: () =>
      api.invoke('parties.list', { query, ...(role ? { role } : {}), ...paging.start, limit: LIBRARY_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  return (
    <section className="library-panel" aria-label={t.tabParties}>
      <div className="library-toolbar">
        <label>
          {t.search}{' '}
          <input type="search" placeholder={t.searchParties} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          {t.role}{' '}
          <select value={role} onChange={(e) => setRole(e.target.value as PartyRole | '')}>
            <option value="">{t.allRoles}</option>
            {partyRoles.map((r) => (
              <option key={r} value={r}>
                {partyRoleLabels[r][locale === 'en' ? 'en' : 'zh']}
              </option>
            ))}
          </select>
        </label>
        <LibraryFileButtons kind="parties" onAdd={() => setEditing('new')} />
      </div>
      {editing ? (
        <PartyForm
          key={editing === 'new' ? 'new' : editing.id}
          party={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <PagedLibraryTable label={t.tabParties} list={list} paging={paging} filtered={query !== '' || role !== ''}>
        <thead>
          <tr>
            <th>{partyFieldLabels.nameZh[locale === 'en' ? 'en' : 'zh']}</th>
            <th>{partyFieldLabels.customsCode[locale === 'en' ? 'en' : 'zh']}</th>
            <th>{partyFieldLabels.uscc[locale === 'en' ? 'en' : 'zh']}</th>
            <th>{partyFieldLabels.ciqCode[locale === 'en' ? 'en' : 'zh']}</th>
            <th>{t.role}</th>
            <th>{app.actionsColumn}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((p) => (
            <tr key={p.id}>
              <td>
                {p.nameZh || p.nameEn}
                {p.nameZh && p.nameEn ? <div className="muted">{p.nameEn}</div> : null}
              </td>
              <td>{p.customsCode}</td>
              <td>{p.uscc}</td>
              <td>{p.ciqCode}</td>
              <td>
                {listWords(
                  p.roles.map((r) => partyRoleLabels[r][locale === 'en' ? 'en' : 'zh']),
                  locale,
                )}
              </td>
              <td>
                <RecordActions kind="parties" id={p.id} name={p.nameZh || p.nameEn} onEdit={() => setEditing(p)} />
              </td>
            </tr>
          ))}
        </tbody>
      </PagedLibraryTable>
    </section>
  );
}
