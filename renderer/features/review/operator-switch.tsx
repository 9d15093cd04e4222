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

  // The closed list shows the operator's name alone, the open one their roles over them: with the roles and the word
  // 当前操作员 beside it, the switch took a quarter of the top bar and pushed it onto a second row. The word stays the
  // list's name for a screen reader, and the whole name with roles shows on hover.
  const groups = new Map<string, typeof list>();
  for (const p of list) {
    const roles = rolesText(t, p.roles);
    groups.set(roles, [...(groups.get(roles) ?? []), p]);
  }
  return (
    <label className="operator-switch">
      <span className="sr-only">{t.operator}</span>
      <select
        value={current?.id ?? ''}
        title={current ? t.operatorOption(current.operator.name, rolesText(t, current.roles)) : undefined}
        onChange={(e) => void choose(e.target.value)}
      >
        {[...groups].map(([roles, members]) => (
          <optgroup key={roles} label={roles}>
            {members.map((p) => (
              <option key={p.id} value={p.id}>
                {p.operator.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
