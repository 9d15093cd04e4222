import { type ComponentType, useState } from 'react';
import { declareConfirmations } from '../../../shared/api';
import { api } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { switchLocale } from '../setup/language-switch';
import { useUi } from '../../state/ui-store';
import { adminMessages } from '../../i18n/admin-messages';
import { useAdminT } from '../../i18n/use-admin-t';
import { AttachmentLimitField } from './attachment-limit-field';
import { BackupPanel } from '../backup/backup-panel';
import { CodeTablesPanel } from '../code-tables/code-tables-panel';
import { useCodeTablesT } from '../code-tables/messages';
import { copyDiagnostics } from './copy-diagnostics';
import { DataPanel } from './data-panel';
import { useFlowT } from '../editor/flow-messages';
import { HubPanel } from './hub-panel';
import { KeysPanel } from './keys-panel';
import { ProfilesPanel } from './profiles-panel';
import { type SettingsTab, useSettings } from './settings-store';

/** The broker's keying preferences: when 申报 asks first, and whether goods lines compute their amounts. */
function KeyingPrefs() {
  const f = useFlowT();
  const { prefs, setPrefs } = useUi();
  const save = (patch: Partial<typeof prefs>) => {
    setPrefs(patch);
    void api.invoke('ui.setState', patch).catch(() => undefined);
  };
  const labels = { always: f.confirmAlways, warnings: f.confirmWarnings, never: f.confirmNever };
  return (
    <>
      <fieldset className="prefs">
        <legend>{f.confirmSetting}</legend>
        {declareConfirmations.map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name="confirm-declare"
              checked={prefs.confirmDeclare === value}
              onChange={() => save({ confirmDeclare: value })}
            />
            {labels[value]}
          </label>
        ))}
      </fieldset>
      <fieldset className="prefs">
        <legend>{f.computeSetting}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={prefs.computeLines}
            onChange={(e) => save({ computeLines: e.target.checked })}
          />
          {f.computeLines}
        </label>
      </fieldset>
    </>
  );
}

function GeneralPanel() {
  const t = useAdminT();
  const { notify } = useUi();
  const [manual, setManual] = useState<string | null>(null);
  return (
    <div>
      <KeyingPrefs />
      <AttachmentLimitField />
      <div className="field">
        <span>{t.languageSetting}</span>{' '}
        <button type="button" onClick={switchLocale}>
          {t.switchLanguage}
        </button>
      </div>
      <h3>{t.diagnostics}</h3>
      <button
        type="button"
        onClick={() =>
          void copyDiagnostics().then((r) => {
            setManual(r.copied ? null : r.text);
            if (r.copied) notify({ kind: 'info', message: (l) => adminMessages[l].diagnosticsCopied });
          })
        }
      >
        {t.copyDiagnostics}
      </button>
      {manual ? (
        <div className="field">
          <label htmlFor="settings-diagnostics">{t.diagnosticsManual}</label>
          <textarea id="settings-diagnostics" readOnly rows={12} value={manual} className="mono" />
        </div>
      ) : null}
    </div>
  );
}

/**
 * Settings: operators, the hub, code tables, backups, data (folder and archive), signing keys, language and
 * diagnostics.
 */
export function SettingsDialog() {
  const t = useAdminT();
  const codeTablesT = useCodeTablesT();
  const { open, tab, openAt, close } = useSettings();
  // Each tab with its panel, so a tab cannot be listed without the panel it opens (or a panel without its tab).
  const tabs: Array<[SettingsTab, string, ComponentType]> = [
    ['profiles', t.tabProfiles, ProfilesPanel],
    ['hub', t.tabHub, HubPanel],
    ['code-tables', codeTablesT.tab, CodeTablesPanel],
    ['backup', t.tabBackup, BackupPanel],
    ['data', t.tabData, DataPanel],
    ['keys', t.tabKeys, KeysPanel],
    ['general', t.tabGeneral, GeneralPanel],
  ];
  return (
    <Dialog title={t.settings} open={open} onClose={close}>
      {/* Nothing inside while closed, so its labels never compete with the desk's own. */}
      {open ? (
        <div className="settings">
          <div role="tablist" aria-label={t.settings} className="settings-tabs">
            {tabs.map(([id, label]) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`settings-tab-${id}`}
                aria-selected={tab === id}
                aria-controls="settings-panel"
                onClick={() => openAt(id)}
              >
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="settings-panel" aria-labelledby={`settings-tab-${tab}`} className="settings-panel">
            {tabs.map(([id, , Panel]) => (tab === id ? <Panel key={id} /> : null))}
          </div>
          <div className="actions">
            <button type="button" onClick={close}>
              {t.close}
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}

/** The topbar's way into Settings. */
export function SettingsButton() {
  const t = useAdminT();
  const openAt = useSettings((s) => s.openAt);
  return (
    <button type="button" aria-keyshortcuts="Control+," onClick={() => openAt()}>
      {t.settings}
    </button>
  );
}
