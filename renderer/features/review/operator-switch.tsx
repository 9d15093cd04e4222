import { useQuery } from '@tanstack/react-query';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { adminKeys } from '../settings/settings-store';
import { reviewMessages, rolesText, useReviewT } from './review-messages';

/**
 * Who is at the keyboard, in the top bar: several operators share one machine (offline), and what they may do in
 * review follows who is chosen here. The choice is kept in the desk's own settings.
 */
export function OperatorSwitch() {
  const t = useReviewT();
  const notify = useUi((s) => s.notify);
  const profiles = useQuery({ queryKey: adminKeys.profiles, queryFn: () => api.invoke('profiles.list', {}) });
  const list = profiles.data ?? [];
  if (list.length < 2) return null;
  const current = list.find((p) => p.current);

  async function choose(id: string): Promise<void> {
    try {
      const chosen = await api.invoke('profiles.select', { id });
      await queryClient.invalidateQueries({ queryKey: adminKeys.profiles });
      await queryClient.invalidateQueries({ queryKey: ['review'] });
      notify({ kind: 'info', message: (l) => reviewMessages[l].switched(chosen.operator.name) });
    } catch (e) {
      notify({ kind: 'error', message: errorNotice(e) });
    }
  }

  return (
    <label className="operator-switch">
      {t.operator}
      <select value={current?.id ?? ''} onChange={(e) => void choose(e.target.value)}>
        {list.map((p) => (
          <option key={p.id} value={p.id}>
            {t.operatorOption(p.operator.name, rolesText(t, p.roles))}
          </option>
        ))}
      </select>
    </label>
  );
}
