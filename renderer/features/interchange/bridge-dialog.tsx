import { FailureLine, SaidDetail, useFailureState } from '../../components/failure-line';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { reasonMessage, type BridgeStatus } from '../../../shared/api';
import { api, errorNotice, saidFailure } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { useInterchange } from './interchange-store';
import { useInterchangeT } from './messages';
import { useMessageText } from '../../i18n/use-message-text';
import { localSecond } from '../../i18n/local-time';

/** 电子口岸客户端: the folder bridge's settings (ImpPath, backup folder, operation type) and what it has done. */
export function BridgeDialog() {
  const t = useInterchangeT();
  const { dialog, close } = useInterchange();
  const status = useQuery({
    queryKey: ['bridge.status'],
    queryFn: () => api.invoke('bridge.status', {}),
    enabled: dialog === 'bridge',
  });
  const s = status.data;
  return (
    <Dialog title={t.bridgeTitle} open={dialog === 'bridge'} onClose={() => close('bridge')}>
      {s ? (
        <BridgeForm key={`${s.transport}|${JSON.stringify(s.config)}`} status={s} onDone={() => close('bridge')} />
      ) : null}
    </Dialog>
  );
}

function BridgeForm({ status: s, onDone }: { status: BridgeStatus; onDone(): void }) {
  const t = useInterchangeT();
  const said = useMessageText();
  const [enabled, setEnabled] = useState(s.transport === 'bridge');
  const [impPath, setImpPath] = useState(s.config?.impPath ?? '');
  const [backupPath, setBackupPath] = useState(s.config?.backupPath ?? '');
  const [operType, setOperType] = useState<'C' | 'G'>(s.config?.operType ?? 'C');
  const [createFolders, setCreateFolders] = useState(false);
  const [error, setError] = useFailureState();

  async function save(): Promise<void> {
    setError(null);
    // Said before the call: main's refusal of it would name the method, not the folder the broker must choose.
    if (enabled && !impPath.trim()) {
      setError(saidFailure(reasonMessage('input.imp-path-required', {})));
      return;
    }
    try {
      const next = await api.invoke('bridge.configure', {
        enabled,
        ...(impPath.trim() ? { impPath: impPath.trim() } : {}),
        backupPath: backupPath.trim() || null,
        operType,
        createFolders,
      });
      queryClient.setQueryData(['bridge.status'], next);
      await queryClient.invalidateQueries({ queryKey: keys.sync });
      onDone();
    } catch (e) {
      setError(errorNotice(e));
    }
  }

  return (
    <div className="bridge-settings">
      <p className="muted" data-testid="bridge-status">
        {t.transport}
        {s.transport === 'bridge' ? t.viaBridge : t.viaHub}
        {s.lastScanAt ? ` · ${t.lastScan}${localSecond(s.lastScanAt)}` : ''} ·{' '}
        {t.receiptFiles(s.files.applied, s.files.unmatched, s.files.unreadable)}
        {s.lastError ? <span className="error"> · {said(s.lastError)}</span> : null}
      </p>
      <SaidDetail said={s.lastError} />
      {s.lastSetAside ? (
        <p className="error" data-testid="bridge-set-aside">
          {said(s.lastSetAside)}
        </p>
      ) : null}
      {/* A failure with no reason of ours reads 意外错误: the program's own words are for support, under 详情. */}
      <SaidDetail said={s.lastSetAside} />
      <p>
        <label>
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t.bridgeEnabled}
        </label>
      </p>
      <p>
        <label>
          {t.impPath}{' '}
          <input
            value={impPath}
            onChange={(e) => setImpPath(e.target.value)}
            placeholder={t.impPathExample}
            size={40}
          />
        </label>
      </p>
      <p>
        <label>
          {t.backupPath} <input value={backupPath} onChange={(e) => setBackupPath(e.target.value)} size={40} />
        </label>
      </p>
      <p>
        <label>
          {t.operType}{' '}
          <select value={operType} onChange={(e) => setOperType(e.target.value === 'G' ? 'G' : 'C')}>
            <option value="C">{t.operDeclare}</option>
            <option value="G">{t.operStore}</option>
          </select>
        </label>{' '}
        <label>
          <input type="checkbox" checked={createFolders} onChange={(e) => setCreateFolders(e.target.checked)} />{' '}
          {t.createFolders}
        </label>
      </p>
      <FailureLine error={error} className="error" />
      <p className="dialog-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t.save}
        </button>
        <button type="button" onClick={onDone}>
          {t.cancel}
        </button>
      </p>
    </div>
  );
}
