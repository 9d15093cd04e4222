import { FailureLine, useFailureState } from '../../components/failure-line';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { OperatorProfile } from '../../../shared/api';
import type { ProfileInput } from '../../../shared/profiles/profile-check';
import { normalizeProfile, profileProblems } from '../../../shared/profiles/profile-check';
import { api, ApiCallError, failureLine } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { adminMessages } from '../../i18n/admin-messages';
import { useAdminT } from '../../i18n/use-admin-t';
import { ProfileFields } from '../setup/profile-fields';
import { emptyProfile, fieldErrors, type FieldIssue } from '../setup/setup-screen';
import { adminKeys } from './settings-store';
import { FormFooter } from '../../components/form-footer';
import { RolesField, ReviewRule } from '../review/review-settings';
import { rolesText, useReviewT } from '../review/review-messages';

/** Operators on this machine: the current one fills new declarations; add, edit, switch, remove. */
export function ProfilesPanel() {
  const t = useAdminT();
  const rt = useReviewT();
  const notify = useUi((s) => s.notify);
  const profiles = useQuery({ queryKey: adminKeys.profiles, queryFn: () => api.invoke('profiles.list', {}) });
  const [editing, setEditing] = useState<{ id: string | null; value: ProfileInput } | null>(null);
  // What was found wrong, worded at each render (a language switch words it again).
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const errors = fieldErrors(t, issues);
  const [error, setError] = useFailureState();

  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.profiles });

  async function run(work: () => Promise<unknown>): Promise<void> {
    setError(null);
    try {
      await work();
      await refresh();
    } catch (e) {
      setError(failureLine(e));
    }
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!editing) return;
    const local = profileProblems(editing.value);
    if (local.length > 0) {
      setIssues(local.map((p) => ({ path: p.field, code: p.code, ...(p.max ? { params: { max: p.max } } : {}) })));
      return;
    }
    try {
      const value = normalizeProfile(editing.value);
      if (editing.id) await api.invoke('profiles.update', { id: editing.id, ...value });
      else await api.invoke('profiles.create', { ...value, makeCurrent: false });
      setEditing(null);
      setIssues([]);
      await refresh();
    } catch (e) {
      if (e instanceof ApiCallError && e.issues?.length) setIssues(e.issues);
      else setError(failureLine(e));
    }
  }

  const startEdit = (p: OperatorProfile | null) => {
    setIssues([]);
    setEditing(
      p
        ? { id: p.id, value: { company: p.company, operator: p.operator, roles: p.roles } }
        : {
            id: null,
            value: { ...emptyProfile, company: profiles.data?.find((x) => x.current)?.company ?? emptyProfile.company },
          },
    );
  };

  return (
    <div>
      <ReviewRule />
      <table className="admin-table">
        <tbody>
          {(profiles.data ?? []).map((p) => (
            <tr key={p.id} aria-current={p.current ? 'true' : undefined}>
              <th scope="row">
                {p.operator.name} <span className="muted">{p.operator.icCard}</span>
                {p.current ? <span className="badge">{t.current}</span> : null}
              </th>
              <td>{rolesText(rt, p.roles)}</td>
              <td>
                {p.company.name} <span className="muted">{p.company.customsCode}</span>
              </td>
              <td className="row-actions">
                {!p.current ? (
                  <button
                    type="button"
                    onClick={() =>
                      void run(async () => {
                        await api.invoke('profiles.select', { id: p.id });
                        notify({ kind: 'info', message: (l) => adminMessages[l].profileSwitched(p.operator.name) });
                      })
                    }
                  >
                    {t.useProfile}
                  </button>
                ) : null}
                <button type="button" onClick={() => startEdit(p)}>
                  {t.editProfile}
                </button>
                {!p.current ? (
                  <button type="button" onClick={() => void run(() => api.invoke('profiles.delete', { id: p.id }))}>
                    {t.deleteProfile}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="admin-subform">
          <ProfileFields
            part="both"
            idPrefix="settings-profile"
            value={editing.value}
            errors={errors}
            onChange={(value) => setEditing({ ...editing, value })}
          />
          <RolesField
            value={editing.value.roles ?? ['preparer', 'reviewer']}
            onChange={(roles) => setEditing({ ...editing, value: { ...editing.value, roles } })}
          />
          <FormFooter onCancel={() => setEditing(null)} submitLabel={t.save} />
        </form>
      ) : (
        <button type="button" onClick={() => startEdit(null)}>
          {t.addProfile}
        </button>
      )}
      <FailureLine error={error} />
    </div>
  );
}
