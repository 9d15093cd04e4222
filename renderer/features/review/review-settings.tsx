import { useQuery } from '@tanstack/react-query';
import type { OperatorRole } from '../../../shared/profiles/roles';
import { operatorRoles } from '../../../shared/profiles/roles';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { adminKeys } from '../settings/settings-store';
import { useReviewT } from './review-messages';

/** An operator's roles in the profile form: 录入员 and/or 复核员 (the last one left cannot be unticked). */
export function RolesField(props: { value: OperatorRole[]; onChange(roles: OperatorRole[]): void }) {
  const t = useReviewT();
  return (
    <fieldset className="roles-field">
      <legend>{t.roles}</legend>
      {operatorRoles.map((role) => {
        const on = props.value.includes(role);
        return (
          <label key={role}>
            <input
              type="checkbox"
              checked={on}
              disabled={on && props.value.length === 1}
              onChange={() => props.onChange(on ? props.value.filter((r) => r !== role) : [...props.value, role])}
            />
            {t.role[role]}
          </label>
        );
      })}
    </fieldset>
  );
}

/** The firm's rule 申报前须复核, a setting of this desk (off until someone turns it on). */
export function ReviewRule() {
  const t = useReviewT();
  const notify = useUi((s) => s.notify);
  const settings = useQuery({ queryKey: adminKeys.settings, queryFn: () => api.invoke('settings.get', {}) });
  const required = settings.data?.review.required ?? false;

  async function toggle(): Promise<void> {
    try {
      const next = await api.invoke('settings.update', { review: { required: !required } });
      queryClient.setQueryData(adminKeys.settings, next);
    } catch (e) {
      notify({ kind: 'error', message: errorNotice(e) });
    }
  }

  return (
    <p className="review-rule">
      <label>
        <input type="checkbox" checked={required} disabled={!settings.data} onChange={() => void toggle()} />
        {t.reviewRequired}
      </label>
      <span className="muted"> {t.reviewRequiredHint}</span>
    </p>
  );
}
