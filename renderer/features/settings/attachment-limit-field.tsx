import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_ATTACHMENT_LIMIT_MB, attachmentLimitInputSchema } from '../../../shared/api';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { adminMessages } from '../../i18n/admin-messages';
import { useAdminT } from '../../i18n/use-admin-t';
import { useUi } from '../../state/ui-store';
import { adminKeys } from './settings-store';

// 随附单据单个文件上限: no official single-window figure was found (docs/attachments.md), so the firm sets it; the hub
// the desk is enrolled with may take less, and then its figure is the one in force.

export function AttachmentLimitField() {
  const notify = useUi((s) => s.notify);
  const t = useAdminT().attachmentLimit;
  const settings = useQuery({ queryKey: adminKeys.settings, queryFn: () => api.invoke('settings.get', {}) });
  const limits = settings.data?.attachments;
  // What the broker typed; null until they type, showing the saved figure.
  const [typedText, setText] = useState<string | null>(null);
  const text = typedText ?? (limits ? String(limits.maxFileMb) : '');
  const [refused, setRefused] = useState(false);

  async function save(): Promise<void> {
    // 0, a negative, a non-number or above the sane maximum is refused here, beside the field (the desk would too).
    const typed = attachmentLimitInputSchema.safeParse({ maxFileMb: text.trim() === '' ? NaN : Number(text) });
    setRefused(!typed.success);
    if (!typed.success) return;
    try {
      const next = await api.invoke('settings.update', { attachments: typed.data });
      queryClient.setQueryData(adminKeys.settings, next);
      setText(null);
      notify({ kind: 'info', message: (l) => adminMessages[l].attachmentLimit.saved(next.attachments.maxFileMb) });
    } catch (e) {
      notify({ kind: 'error', message: errorNotice(e) });
    }
  }

  const hubLower = limits && limits.hubMaxFileMb !== null && limits.hubMaxFileMb < limits.maxFileMb;
  return (
    <form
      noValidate
      className="field attachment-limit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="settings-attachment-limit">{t.label}</label>{' '}
      <input
        id="settings-attachment-limit"
        inputMode="decimal"
        value={text}
        disabled={!limits}
        onChange={(e) => setText(e.target.value)}
        aria-describedby="settings-attachment-limit-note"
      />{' '}
      <button type="submit" disabled={!limits}>
        {t.save}
      </button>
      {refused ? (
        <p role="alert" className="error">
          {t.bad(MAX_ATTACHMENT_LIMIT_MB)}
        </p>
      ) : null}
      {limits ? (
        <p id="settings-attachment-limit-note" className={hubLower ? 'warning' : 'muted'}>
          {hubLower ? t.hubLower(limits.hubMaxFileMb ?? 0) : t.inForce(limits.inForceMb)}
        </p>
      ) : null}
    </form>
  );
}
