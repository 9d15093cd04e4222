import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractProgress, ExtractResult } from '../../../shared/api';
import { reasonMessage } from '../../../shared/api';
import { useUi } from '../../state/ui-store';
import { InterchangeMenu } from '../interchange/interchange-menu';
import { useInterchange } from '../interchange/interchange-store';
import { ExtractScreen } from './extract-screen';
import { useExtract } from './extract-store';
import { expectDetailFolded } from '../../../test-support/renderer/detail-fold';
import { renderWithBridge } from '../../../test-support/renderer/render-with-bridge';
import { sampleExtraction } from '../../../test-support/shared/extract-sample';
import { lineImportWritten } from '../../../test-support/shared/records';

const ID = '0190f0d2-0000-7000-8000-000000000001';
const JOB = 'job-1';
const result: ExtractResult = {
  jobId: JOB,
  declarationId: ID,
  baseRevision: 3,
  extraction: sampleExtraction,
  files: [{ fileName: 'invoice-118.pdf', pages: [{ width: 595, height: 842, kind: 'text-pdf' }] }],
};
const progress = (change: Partial<ExtractProgress>): ExtractProgress => ({
  jobId: JOB,
  declarationId: ID,
  state: 'done',
  file: 0,
  files: 1,
  fileName: 'invoice-118.pdf',
  page: 1,
  pages: 1,
  ocr: null,
  error: null,
  ...change,
});
const written = lineImportWritten({ rowCount: 2, imported: 2, revision: 4 });
const ok = (value: unknown) => () => ({ ok: true as const, value });

function pick(...files: File[]) {
  const input = document.querySelector<HTMLInputElement>('.extract-pick input[type=file]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

/** The review of a reading that gave `read`, on a fake bridge: the file picked, the job done. */
async function reviewOf(read: ExtractResult) {
  renderWithBridge(
    {
      'extract.start': ok({ jobId: JOB }),
      'extract.status': ok(progress({})),
      'extract.result': ok(read),
      'extract.page': ok({ pngBase64: 'iVBORw0KGgo=', width: 1, height: 1 }),
    },
    <ExtractScreen />,
  );
  await act(() => useExtract.getState().open(ID));
  pick(new File(['%PDF-1.7'], 'invoice-118.pdf', { type: 'application/pdf' }));
}

describe('the review of goods lines read from an invoice', () => {
  afterEach(() => {
    cleanup();
    act(() => {
      useExtract.setState({ declarationId: null, saveEditor: null });
      useUi.getState().select(null);
      useInterchange.getState().close();
      useUi.getState().setLocale('zh-CN');
    });
  });

  it('shows the proposed lines beside the page, highlights a value’s source, flags mismatches and library proposals, and writes only the lines accepted', async () => {
    const fake = renderWithBridge(
      {
        'extract.start': ok({ jobId: JOB }),
        'extract.status': ok(progress({})),
        'extract.result': ok(result),
        'extract.page': ok({ pngBase64: 'iVBORw0KGgo=', width: 1, height: 1 }),
        'extract.apply': ok(written),
      },
      <ExtractScreen />,
    );
    await act(() => useExtract.getState().open(ID));
    pick(new File(['%PDF-1.7'], 'invoice-118.pdf', { type: 'application/pdf' }));
    const table = await screen.findByRole('table');
    expect((await screen.findByRole('img')).getAttribute('alt')).toBe('invoice-118.pdf 第 1 页的图像');
    // Focus is in the review, on its first value: not on the page's body, where the editor's shortcuts would act.
    expect(document.activeElement).toBe(within(table).getByLabelText('1 商品名称'));

    fireEvent.focus(within(table).getByLabelText('1 数量'));
    const box = screen.getByTestId('extract-highlight');
    expect([box.style.left, box.style.top]).toEqual(['45%', '35%']);

    const total = within(table).getByLabelText('3 总价').closest('td');
    expect(total?.className).toContain('mismatch');
    expect(total?.title).toBe('第 3 项：总价为 610.00，数量 × 单价为 600.00');
    act(() => useUi.getState().setLocale('en'));
    expect(within(table).getByLabelText('3 Amount').closest('td')?.title).toBe(
      'Line 3: the amount is 610.00, quantity × unit price is 600.00',
    );
    act(() => useUi.getState().setLocale('zh-CN'));
    expect(screen.getByText('总价合计：单据为 6600.00，各行相加为 6610.00').className).toBe('mismatch');
    const code = within(table).getByLabelText('1 商品编号').closest('td');
    expect([code?.className, code?.textContent]).toEqual(['from-library', '商品库']);

    fireEvent.click(screen.getByLabelText('接受第 3 项'));
    fireEvent.change(within(table).getByLabelText('2 数量'), { target: { value: '210' } });
    fireEvent.click(screen.getByLabelText('采用净重'));
    fireEvent.click(screen.getByRole('button', { name: '接受' }));
    await waitFor(() => expect(useExtract.getState().declarationId).toBeNull());
    const apply = fake.calls.find((c) => c.method === 'extract.apply')?.input as {
      lines: { values: Record<string, string> }[];
      head: Record<string, string>;
      baseRevision: number;
    };
    expect(apply.baseRevision).toBe(3);
    expect(apply.lines.map((l) => [l.values.GName, l.values.GQty])).toEqual([
      ['保温杯', '1200'],
      ['咖啡研磨机', '210'],
    ]);
    expect(apply.head).toEqual({ ContrNo: 'INV-2026-118', TransMode: '3', PackNo: '45', GrossWet: '880' });
  });

  it('flags a value OCR read with low confidence in Chinese and English, highlights it from the checks, and drops the flag once the broker corrects it', async () => {
    const [first, second, ...rest] = sampleExtraction.lines;
    if (!first || !second) throw new Error('the sample has three lines');
    const model = second.values.GModel;
    const doubtful: ExtractResult = {
      ...result,
      extraction: {
        ...sampleExtraction,
        lines: [
          first,
          {
            ...second,
            values: {
              ...second.values,
              GModel: {
                value: 'CG-2',
                source: { ...model?.source, value: 'CG-2', fileName: 'invoice-118.pdf', confidence: 0.42 },
              },
            },
          },
          ...rest,
        ],
      },
    };
    await reviewOf(doubtful);
    const table = await screen.findByRole('table');
    const cell = within(table).getByLabelText('2 规格型号').closest('td');
    expect([cell?.className, cell?.textContent, cell?.title]).toEqual([
      'doubtful',
      '待核对',
      '识别把握不高，请对照原件核对',
    ]);
    // Only that value: line 2's other values were read surely.
    expect(table.querySelectorAll('td.doubtful')).toHaveLength(1);
    const check = screen.getByText('第 2 项规格型号 CG-2：识别把握不高，请对照原件核对');
    fireEvent.focus(check);
    const box = screen.getByTestId('extract-highlight');
    expect([box.style.left, box.style.top]).toEqual(['32%', '40%']);

    act(() => useUi.getState().setLocale('en'));
    expect([cell?.textContent, cell?.title]).toEqual([
      'check',
      'Read with low certainty: check it against the document',
    ]);
    expect(
      screen.getByText('Line 2 specification CG-2: read with low certainty, check it against the document'),
    ).toBeTruthy();

    fireEvent.change(within(table).getByLabelText('2 Specification'), { target: { value: 'CG-3' } });
    expect(table.querySelectorAll('td.doubtful')).toHaveLength(0);
    expect(screen.queryByText(/read with low certainty/)).toBeNull();
  });

  it('says under the checks, in Chinese and English, how many rows that look like goods lines follow a totals row and on which page of which document, and shows that page with the rows highlighted', async () => {
    const after: ExtractResult = {
      ...result,
      extraction: {
        ...sampleExtraction,
        mismatches: [
          {
            kind: 'rows-after-totals',
            field: 'rows',
            expected: '5',
            actual: '',
            fileName: 'packing-118.pdf',
            box: { page: 1, x: 0.06, y: 0.2, w: 0.8, h: 0.1 },
          },
        ],
      },
      files: [
        ...result.files,
        { fileName: 'packing-118.pdf', pages: [0, 1].map(() => ({ width: 595, height: 842, kind: 'text-pdf' })) },
      ],
    };
    await reviewOf(after);
    const checks = await screen.findByRole('region', { name: '核对' });
    const notice = within(checks).getByText(
      'packing-118.pdf 第 2 页：合计行之后还有 5 行像是商品行，未读入，请对照原件核对',
    );
    expect(within(checks).queryByText('各行与单据合计一致')).toBeNull();
    fireEvent.focus(notice);
    expect((await screen.findByRole('img')).getAttribute('alt')).toBe('packing-118.pdf 第 2 页的图像');
    const box = screen.getByTestId('extract-highlight');
    expect([box.style.left, box.style.top]).toEqual(['6%', '20%']);

    act(() => useUi.getState().setLocale('en'));
    expect(
      within(screen.getByRole('region', { name: 'Checks' })).getByText(
        'packing-118.pdf page 2: 5 rows that look like goods lines follow the totals row and were not read; check them against the document',
      ).className,
    ).toBe('mismatch');
  });

  it('saves the open editor before the screen opens from the 导入/导出 menu, as Alt+I does: reading begins at the saved revision', async () => {
    const order: string[] = [];
    let saved: () => void = () => undefined;
    act(() => {
      useUi.getState().select(ID);
      useExtract.getState().setSaveEditor(() => {
        order.push('save');
        return new Promise<void>((resolve) => (saved = resolve));
      });
    });
    renderWithBridge({}, <InterchangeMenu />);
    fireEvent.click(screen.getByRole('button', { name: '从发票/装箱单识别商品…' }));
    await waitFor(() => expect(order).toEqual(['save']));
    expect(useExtract.getState().declarationId).toBeNull();
    await act(async () => saved());
    await waitFor(() => expect(useExtract.getState().declarationId).toBe(ID));
  });

  it('shows the reading’s progress with its OCR and cancels it; says in English, switched to after the screen began, that nothing was proposed', async () => {
    const fake = renderWithBridge(
      {
        'extract.start': ok({ jobId: JOB }),
        'extract.status': ok(progress({ state: 'reading', page: 2, pages: 3, ocr: 0.4 })),
        'extract.cancel': ok({ cancelled: true }),
      },
      <ExtractScreen />,
    );
    // The language changed after the screen (and its progress listener) began: the words follow it.
    act(() => useUi.getState().setLocale('en'));
    await act(() => useExtract.getState().open(ID));
    pick(new File([new Uint8Array([0xff, 0xd8, 0xff])], 'scan.jpg', { type: 'image/jpeg' }));
    // The status shows "Opening" until the job's first progress is heard.
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Reading invoice-118.pdf: page 2 of 3'),
    );
    expect(screen.getByRole('status').textContent).toContain('Text recognition 40%');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.calls.map((c) => c.method)).toContain('extract.cancel'));
    act(() => fake.emit('extract.progress', progress({ state: 'cancelled', page: 2, pages: 3 })));
    expect((await screen.findByRole('alert')).textContent).toBe('Reading was cancelled; nothing was proposed');
  });

  it("says a file the reader could not open in the UI language, the reader's own words under 详情", async () => {
    const detail = 'Invalid PDF structure.';
    const fake = renderWithBridge(
      {
        'extract.start': ok({ jobId: JOB }),
        'extract.status': ok(progress({ state: 'reading', page: 0, pages: 0 })),
      },
      <ExtractScreen />,
    );
    await act(() => useExtract.getState().open(ID));
    pick(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'invoice-118.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(fake.calls.map((c) => c.method)).toContain('extract.status'));
    const error = reasonMessage('extract.unreadable', { file: 'invoice-118.pdf', detail });
    act(() => fake.emit('extract.progress', progress({ state: 'failed', error })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('无法读取 invoice-118.pdf（文件可能已损坏，或与其扩展名不符），未提出任何内容');
    expectDetailFolded(screen.getByRole('dialog'), alert, detail, 'zh-CN');
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('alert').textContent).toMatch(/^invoice-118\.pdf could not be read/);
    expectDetailFolded(screen.getByRole('dialog'), screen.getByRole('alert'), detail, 'en');
  });

  it('sends a spreadsheet to the column mapping of the lines import instead of reading it as a page', async () => {
    const fake = renderWithBridge({}, <ExtractScreen />);
    await act(() => useExtract.getState().open(ID));
    const sheet = new File(['PK'], 'invoice.xlsx');
    pick(sheet);
    expect(useInterchange.getState()).toMatchObject({ dialog: 'lines', declarationId: ID, pendingFile: sheet });
    expect(useExtract.getState().declarationId).toBeNull();
    expect(fake.calls).toEqual([]);
  });

  it('offers a button to close the screen before a file is chosen, in the UI language', async () => {
    renderWithBridge({}, <ExtractScreen />);
    await act(() => useExtract.getState().open(ID));
    act(() => useUi.getState().setLocale('en'));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(useExtract.getState().declarationId).toBeNull();
  });
});
