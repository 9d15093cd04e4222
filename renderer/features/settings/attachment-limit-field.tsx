import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_ATTACHMENT_LIMIT_MB, attachmentLimitInputSchema } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n/locale';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { adminKeys } from './settings-store';

// 随附单据单个文件上限: no official single-window figure was found (docs/attachments.md), so the firm sets it; the hub
// the desk is enrolled with may take less, and then its figure is the one in force.

const zh = {
  label: '随附单据单个文件上限 (MB)',
  save: '保存上限',
  bad: (max: number) => `随附单据单个文件上限 (MB)：请填写大于 0、不超过 ${max} 的数字；上限未更改`,
  saved: (mb: number) => `随附单据单个文件上限已设为 ${mb} MB`,
  hubLower: (hub: number) => `数据交换中心只接收不超过 ${hub} MB 的文件，低于本设置：添加文件时按 ${hub} MB 检查`,
  inForce: (mb: number) => `添加文件时按 ${mb} MB 检查`,
};
const en: typeof zh = {
  label: 'Largest attached document file (MB)',
  save: 'Save limit',
  bad: (max: number) =>
    `Largest attached document file (MB): enter a number above 0 and at most ${max}; the limit was not changed`,
  saved: (mb: number) => `Largest attached document file set to ${mb} MB`,
  hubLower: (hub: number) =>
    `The hub takes files of at most ${hub} MB, less than this setting: files are checked against ${hub} MB`,
  inForce: (mb: number) => `Files are checked against ${mb} MB`,
};
const messages = (locale: Locale) => (locale === 'en' ? en : zh);

export function AttachmentLimitField() {
  const { locale, notify } = useUi();
  const t = messages(locale);
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
      notify({ kind: 'info', message: (l) => messages(l).saved(next.attachments.maxFileMb) });
    } catch (e) {
      notify({ kind: 'error', message: errorNotice(e) });
    }
  }

  const hubLower = limits && limits.hubMaxFileMb !== null && limits.hubMaxFileMb < limits.maxFileMb;
  return (
    <form
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
