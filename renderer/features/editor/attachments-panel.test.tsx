import { act, cleanup, createEvent, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import edocTypes from '../../../resources/code-tables/edoc-types.json';
import type { AttachmentInfo } from '../../../shared/api';
import type { CodeRow } from '../../../shared/code-tables/tables';
import { builtinCodeTables } from '../../../test-support/renderer/builtin-code-tables';
import { renderWithBridge } from '../../../test-support/renderer/render-with-bridge';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { attachmentMessages } from './attachment-messages';
import { AttachmentsPanel } from './attachments-panel';

const id = '01930000-0000-7000-8000-000000000001';
const invoice: AttachmentInfo = {
  edocId: '220100000001IM202611220000000001.pdf',
  edocCode: '00000001',
  fileName: '发票-7.pdf',
  size: 2 * 1048576,
  sha256: 'a'.repeat(64),
  addedAt: '2026-11-22T08:00:00.000Z',
  row: 0,
};
const pdf = (name: string) => new File(['%PDF-1.4 test'], name, { type: 'application/pdf' });
/** What the panel asks the desk to attach for a file made by `pdf`. */
const attachInput = (edocCode: string, fileName: string) => ({
  id,
  edocCode,
  fileName,
  contentBase64: btoa('%PDF-1.4 test'),
});
/** The desk's answer to an attach that succeeds: the file is the declaration's second 随附单据 row, of `edocCode`. */
const attachedAs = (edocCode: string) => () => ({
  ok: true as const,
  value: { id, revision: 3, updatedAt: 't', attachment: { ...invoice, edocCode, row: 1 } },
});

describe('the 随附单据 files panel', () => {
  afterEach(() => {
    cleanup();
    queryClient.clear();
  });

  function setup(
    attach: (input: unknown) => ReturnType<Parameters<typeof renderWithBridge>[0][string]>,
    edit?: (row: CodeRow) => CodeRow,
  ) {
    return renderWithBridge(
      {
        'attachments.list': () => ({ ok: true, value: [invoice] }),
        'attachments.attach': attach,
        'attachments.remove': () => ({ ok: true, value: { id, revision: 4, updatedAt: 't' } }),
        ...builtinCodeTables([edocTypes], edit),
      },
      <AttachmentsPanel declarationId={id} editable />,
    );
  }

  it('lists the files, attaches one chosen in the dialog or dropped as the chosen type, and removes one', async () => {
    useUi.setState({ locale: 'zh-CN' });
    const fake = setup(attachedAs('00000002'));
    expect(await screen.findByText('发票-7.pdf')).toBeTruthy();
    expect(screen.getByText('2.00 MB')).toBeTruthy();
    expect(attachmentMessages.en.size(593)).toBe('1 KB');
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '00000002' } });
    fireEvent.change(screen.getByLabelText('添加 PDF…'), { target: { files: [pdf('装箱单.pdf')] } });
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'attachments.attach')).toBe(true));
    const attach = fake.calls.find((c) => c.method === 'attachments.attach');
    expect(attach?.input).toEqual(attachInput('00000002', '装箱单.pdf'));
    expect(await screen.findByText(`已添加 装箱单.pdf（${invoice.edocId}）`)).toBeTruthy();

    fireEvent.drop(screen.getByRole('region', { name: '随附单据文件（PDF）' }), {
      dataTransfer: { files: [pdf('dropped.pdf')] },
    });
    await waitFor(() => expect(fake.calls.filter((c) => c.method === 'attachments.attach')).toHaveLength(2));

    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.method === 'attachments.remove')?.input).toEqual({ id, edocId: invoice.edocId }),
    );
  });

  it('attaches a PDF pasted from the clipboard as the chosen type, wherever the focus is; a text paste is left alone', async () => {
    useUi.setState({ locale: 'zh-CN' });
    const fake = setup(attachedAs('00000004'));
    expect(await screen.findByText('发票-7.pdf')).toBeTruthy();
    const attachCalls = () => fake.calls.filter((c) => c.method === 'attachments.attach');
    const paste = (target: Element, files: File[]) => {
      const event = createEvent.paste(target, { clipboardData: { files, getData: () => 'text', types: [] } });
      fireEvent(target, event);
      return event;
    };
    const select = screen.getByRole('combobox');
    fireEvent.change(select, { target: { value: '00000004' } });
    select.focus();
    expect(paste(select, []).defaultPrevented).toBe(false);

    // Ctrl+V of a file copied in the file manager: the clipboard holds it as a File.
    expect(paste(select, [pdf('合同-118.pdf')]).defaultPrevented).toBe(true);
    await waitFor(() => expect(attachCalls()).toHaveLength(1));
    expect(attachCalls()[0]?.input).toEqual(attachInput('00000004', '合同-118.pdf'));
    expect(await screen.findByText(`已添加 合同-118.pdf（${invoice.edocId}）`)).toBeTruthy();

    // Pasted while the focus is outside the panel (on the 随附单据 tab just chosen): attached too.
    const outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
    paste(outside, [pdf('合同-119.pdf')]);
    await waitFor(() => expect(attachCalls()).toHaveLength(2));
    outside.remove();
  });

  const offered = () => [...screen.getByRole('combobox').querySelectorAll('option')].map((o) => o.textContent);

  it('offers the common document types first-used first, named by the edoc-types code table in the UI language', async () => {
    useUi.setState({ locale: 'en' });
    setup(attachedAs('00000001'));
    await waitFor(() => expect(offered()[0]).toBe('00000001 Invoice'));
    // The table's English names, ours where the sources name a type in Chinese only (resources/SOURCES.md).
    expect(offered()).toEqual([
      '00000001 Invoice',
      '00000002 Packing list',
      '00000003 Bill of lading / waybill',
      '00000004 Contract',
      '00000008 Customs brokerage agreement (scan)',
      '00000009 Proof of origin',
      '00000005 Other 1',
      '00000006 Other 2',
      '00000007 Other 3',
    ]);
    act(() => useUi.setState({ locale: 'zh-CN' }));
    expect(offered()).toEqual([
      '00000001 发票',
      '00000002 装箱单',
      '00000003 提运单',
      '00000004 合同',
      '00000008 纸质代理报关委托协议扫描件',
      '00000009 原产地证据文件',
      '00000005 其它1',
      '00000006 其它2',
      '00000007 其它3',
    ]);
  });

  it('names the types as the code table in use does: one imported with Chinese names only, in Chinese in English too', async () => {
    useUi.setState({ locale: 'en' });
    setup(attachedAs('00000001'), ({ name_en: _english, ...row }) =>
      row.code === '00000009' ? { ...row, name_zh: '原产地证明文件' } : row,
    );
    expect(await screen.findByRole('cell', { name: '发票' })).toBeTruthy();
    expect(offered().slice(4, 7)).toEqual([
      '00000008 纸质代理报关委托协议扫描件',
      '00000009 原产地证明文件',
      '00000005 其它1',
    ]);
    useUi.setState({ locale: 'zh-CN' });
  });

  it('says why a file was refused, naming it, in the UI language', async () => {
    useUi.setState({ locale: 'en' });
    setup(() => ({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: 'scan.pdf is not a PDF file; nothing was attached',
        reason: 'attachments.not-pdf',
        params: { file: 'scan.pdf' },
      },
    }));
    expect(await screen.findByRole('cell', { name: 'Invoice' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Add PDF…'), { target: { files: [pdf('scan.pdf')] } });
    expect((await screen.findByRole('alert')).textContent).toBe('scan.pdf is not a PDF file; nothing was attached');
    useUi.setState({ locale: 'zh-CN' });
  });
});
