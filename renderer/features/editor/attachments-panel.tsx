import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { AttachmentInfo } from '../../../shared/api';
import { api, errorNotice } from '../../api/client';
import { codeName, useCodeRows } from '../../api/code-tables';
import { queryClient } from '../../api/queries';
import { useUi, type NoticeText } from '../../state/ui-store';
import { attachmentMessages } from './attachment-messages';

const listKey = (id: string) => ['attachments', id] as const;

/**
 * The document types a broker attaches most, in the order the type list offers them (invoice, packing list, bill of
 * lading, contract, the brokerage agreement and proof of origin before 其它1–3). Their names are the edoc-types code
 * table's, so a newer table imported or received from the hub names them too.
 */
const commonEdocCodes = [
  '00000001',
  '00000002',
  '00000003',
  '00000004',
  '00000008',
  '00000009',
  '00000005',
  '00000006',
  '00000007',
] as const;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function openPdf(fileName: string, contentBase64: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const shown = window.open(url, '_blank');
  if (!shown) {
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    link.click();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The declaration's 随附单据 files: add (the file dialog, a PDF dropped on the panel or pasted), view, replace and
 * remove, one file per document type. Main checks each file and says why one is refused, naming it.
 */
export function AttachmentsPanel({ declarationId, editable }: { declarationId: string; editable: boolean }) {
  const locale = useUi((s) => s.locale);
  const t = attachmentMessages[locale];
  const [type, setType] = useState<string>(commonEdocCodes[0]);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: NoticeText } | null>(null);
  const [replacing, setReplacing] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useQuery({
    queryKey: listKey(declarationId),
    queryFn: () => api.invoke('attachments.list', { id: declarationId }),
  });
  const edocTypes = useCodeRows('edoc-types');
  /** A type's name in the UI language, '' while the tables are read or for a code the table lacks. */
  const typeName = (code: string) => {
    const row = edocTypes?.find((r) => r.code === code);
    return row ? codeName(row, locale) : '';
  };

  async function run(work: () => Promise<NoticeText>): Promise<void> {
    try {
      setStatus({ kind: 'info', text: await work() });
    } catch (error) {
      setStatus({ kind: 'error', text: errorNotice(error) });
    } finally {
      void queryClient.invalidateQueries({ queryKey: listKey(declarationId) });
      void queryClient.invalidateQueries({ queryKey: ['declaration', declarationId] });
    }
  }

  function attach(files: readonly File[], edocCode: string): void {
    for (const file of files)
      void run(async () => {
        setStatus({ kind: 'info', text: (l) => attachmentMessages[l].adding(file.name) });
        const contentBase64 = await base64Of(file);
        const { attachment } = await api.invoke('attachments.attach', {
          id: declarationId,
          edocCode,
          fileName: file.name,
          contentBase64,
        });
        return (l) => attachmentMessages[l].added(file.name, attachment.edocId);
      });
  }

  function onDrop(event: DragEvent<HTMLElement>): void {
    event.preventDefault();
    if (editable) attach([...event.dataTransfer.files], type);
  }

  // A PDF pasted (a file copied in the file manager, Ctrl+V) is attached wherever the focus is while the panel is
  // shown: right after choosing the 随附单据 tab the focus is on the tab, outside the panel, and a file cannot be
  // pasted as text anyway. A paste without files (text) is left alone.
  // Registered again with each render, so it reads the type chosen now.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (!editable || files.length === 0) return;
      event.preventDefault();
      attach(files, type);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  const rows: AttachmentInfo[] = list.data ?? [];
  return (
    <section
      className="attachments-panel"
      aria-label={t.title}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      tabIndex={-1}
    >
      <h4>{t.title}</h4>
      {editable ? (
        <div className="attachments-add">
          <label>
            {t.type}{' '}
            <select value={type} onChange={(e) => setType(e.target.value)}>
              {commonEdocCodes.map((code) => (
                <option key={code} value={code}>
                  {code} {typeName(code)}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" onClick={() => (setReplacing(null), input.current?.click())}>
            {t.add}
          </button>{' '}
          <span className="muted">{t.hint}</span>
          <input
            ref={input}
            type="file"
            accept="application/pdf,.pdf"
            multiple
            hidden
            aria-label={t.add}
            onChange={(e) => {
              attach([...(e.target.files ?? [])], replacing ?? type);
              e.target.value = '';
            }}
          />
        </div>
      ) : (
        <p className="muted">{t.readOnly}</p>
      )}
      {status ? (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'muted'}>
          {status.text(locale)}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <table>
          <tbody>
            {rows.map((a) => (
              <tr key={a.edocId}>
                <td>{typeName(a.edocCode) || a.edocCode}</td>
                <td>{a.fileName}</td>
                <td>{t.size(a.size)}</td>
                <td>
                  <code>{a.edocId}</code>
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      void run(async () => {
                        const file = await api.invoke('attachments.content', { id: declarationId, edocId: a.edocId });
                        openPdf(file.fileName, file.contentBase64);
                        return () => a.fileName;
                      })
                    }
                  >
                    {t.view}
                  </button>
                  {editable ? (
                    <>
                      {' '}
                      <button type="button" onClick={() => (setReplacing(a.edocCode), input.current?.click())}>
                        {t.replace}
                      </button>{' '}
                      <button
                        type="button"
                        onClick={() =>
                          void run(async () => {
                            await api.invoke('attachments.remove', { id: declarationId, edocId: a.edocId });
                            return (l) => attachmentMessages[l].removed(a.fileName);
                          })
                        }
                      >
                        {t.remove}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
