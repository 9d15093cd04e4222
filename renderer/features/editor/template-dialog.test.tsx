import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, TemplateSummary } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import { templateParts } from '../../../shared/libraries';
import { setBridge } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { expectSaidUnder } from '../../../test-support/renderer/said-under';
import { templateSummary } from '../../../test-support/shared/records';
import { useEditorUi } from './editor-store';
import { TemplateDialog } from './template-dialog';

const saved = templateSummary({ name: '鲜果进口', parts: [...templateParts] });

/** Main's answer when 鲜果进口 is kept already: refused as taken unless the call says to replace it. */
function savedUnlessTaken(input: unknown): ApiResult<TemplateSummary> {
  if ((input as { replace?: boolean }).replace) return { ok: true, value: saved };
  const name = saved.name;
  const taken = new AppError('templates.name-taken', { name }, [reasonIssue('name', 'templates.name-taken', { name })]);
  return { ok: false, error: taken.toApiError() };
}

describe('the save-as-template dialog (fake bridge)', () => {
  afterEach(cleanup);

  it("says an empty name under its box in zh and en, not in the browser's bubble, and saves nothing until named", async () => {
    const fake = createFakeBridge({
      'templates.save': (): ApiResult<TemplateSummary> => ({ ok: true, value: saved }),
    });
    setBridge(fake.bridge);
    useUi.setState({ locale: 'zh-CN', notices: [] });
    useEditorUi.setState({ templateOpen: true });
    render(<TemplateDialog declarationId={saved.id} suggestion="" beforeSave={async () => undefined} />);
    const box = screen.getByLabelText('模板名称');
    expect(box.closest('form')?.noValidate).toBe(true);
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expectSaidUnder(box, { zh: '不能为空', en: 'Must not be empty' });
    expect(fake.calls.some((c) => c.method === 'templates.save')).toBe(false);

    fireEvent.change(box, { target: { value: '鲜果进口' } });
    expect(box.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(useEditorUi.getState().templateOpen).toBe(false));
    expect(fake.calls.find((c) => c.method === 'templates.save')?.input).toMatchObject({ name: '鲜果进口' });
  });

  it('asks before replacing a template of the same name, by Enter alone, and says it replaced it, in zh and en', async () => {
    for (const [locale, taken, replace, replaced] of [
      ['zh-CN', '已有模板“鲜果进口”', '替换', '已替换模板“鲜果进口”'],
      ['en', 'A template named “鲜果进口” already exists', 'Replace', 'Replaced template “鲜果进口”'],
    ] as const) {
      const fake = createFakeBridge({ 'templates.save': savedUnlessTaken });
      setBridge(fake.bridge);
      useUi.setState({ locale, notices: [] });
      useEditorUi.setState({ templateOpen: true });
      render(<TemplateDialog declarationId={saved.id} suggestion=" 鲜果进口" beforeSave={async () => undefined} />);
      const box = screen.getByRole('textbox');
      fireEvent.submit(box.closest('form') as HTMLFormElement);
      const question = await screen.findByRole('alert');
      expect(question.textContent).toContain(taken);
      // A question, not a failure: drawn as the app's warnings are, not in the error red.
      expect(question.className).toBe('warn-text');
      expect(box.getAttribute('aria-describedby')).toBe('template-name-taken');
      expect(screen.getByRole('button', { name: replace })).toBeTruthy();
      // Main was asked to save without replacing, and refused: nothing is replaced yet.
      expect(fake.calls.filter((c) => c.method === 'templates.save').map((c) => c.input)).toEqual([
        expect.objectContaining({ replace: false }),
      ]);
      expect(useEditorUi.getState().templateOpen).toBe(true);

      fireEvent.submit(box.closest('form') as HTMLFormElement);
      await waitFor(() => expect(useEditorUi.getState().templateOpen).toBe(false));
      expect(fake.calls.filter((c) => c.method === 'templates.save').map((c) => c.input)).toEqual([
        expect.objectContaining({ replace: false }),
        expect.objectContaining({ name: '鲜果进口', replace: true }),
      ]);
      const notice = useUi.getState().notices.at(-1);
      expect(notice?.message(locale)).toBe(replaced);
      cleanup();
    }
  });

  it('sends the name without its surrounding spaces, and asks about the template kept in another letter case', async () => {
    const kept = templateSummary({ name: 'Export FOB', parts: [...templateParts] });
    const fake = createFakeBridge({
      'templates.save': (input: unknown): ApiResult<TemplateSummary> => {
        const { name, replace } = input as { name: string; replace?: boolean };
        if (replace) return { ok: true, value: { ...kept, name } };
        const taken = new AppError('templates.name-taken', { name: kept.name });
        return { ok: false, error: taken.toApiError() };
      },
    });
    setBridge(fake.bridge);
    useUi.setState({ locale: 'zh-CN', notices: [] });
    useEditorUi.setState({ templateOpen: true });
    render(<TemplateDialog declarationId={kept.id} suggestion=" export fob  " beforeSave={async () => undefined} />);
    const box = screen.getByRole('textbox');
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toContain('已有模板“Export FOB”');
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    await waitFor(() => expect(useEditorUi.getState().templateOpen).toBe(false));
    expect(fake.calls.filter((c) => c.method === 'templates.save').map((c) => c.input)).toEqual([
      expect.objectContaining({ name: 'export fob', replace: false }),
      expect.objectContaining({ name: 'export fob', replace: true }),
    ]);
    expect(useUi.getState().notices.at(-1)?.message('zh-CN')).toBe('已替换模板“export fob”');
  });

  it('forgets that the name was taken when closed by 取消 or Esc: reopened, it asks again and replaces nothing', async () => {
    const fake = createFakeBridge({ 'templates.save': savedUnlessTaken });
    setBridge(fake.bridge);
    useUi.setState({ locale: 'zh-CN', notices: [] });
    useEditorUi.setState({ templateOpen: true });
    render(<TemplateDialog declarationId={saved.id} suggestion="鲜果进口" beforeSave={async () => undefined} />);
    const close = [
      () => fireEvent.click(screen.getByRole('button', { name: '取消' })),
      () => fireEvent(screen.getByRole('dialog'), new Event('cancel')),
    ];
    for (const closeIt of close) {
      fireEvent.submit(screen.getByRole('textbox').closest('form') as HTMLFormElement);
      expect((await screen.findByRole('alert')).textContent).toContain('已有模板“鲜果进口”');
      closeIt();
      expect(useEditorUi.getState().templateOpen).toBe(false);
      act(() => useEditorUi.setState({ templateOpen: true }));
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.getByRole('button', { name: '确定' })).toBeTruthy();
    }
    fireEvent.submit(screen.getByRole('textbox').closest('form') as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toContain('已有模板“鲜果进口”');
    const saves = fake.calls.filter((c) => c.method === 'templates.save');
    expect(saves.map((c) => (c.input as { replace?: boolean }).replace)).toEqual([false, false, false]);
  });

  it('forgets a problem said of the name when closed: reopened, the box is not marked before anything is tried', () => {
    const fake = createFakeBridge({ 'templates.save': savedUnlessTaken });
    setBridge(fake.bridge);
    useUi.setState({ locale: 'zh-CN', notices: [] });
    useEditorUi.setState({ templateOpen: true });
    render(<TemplateDialog declarationId={saved.id} suggestion="" beforeSave={async () => undefined} />);
    fireEvent.submit(screen.getByRole('textbox').closest('form') as HTMLFormElement);
    expect(screen.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    act(() => useEditorUi.setState({ templateOpen: true }));
    expect(screen.getByRole('textbox').getAttribute('aria-invalid')).not.toBe('true');
    expect(fake.calls.filter((c) => c.method === 'templates.save')).toEqual([]);
  });

  it('opens with the suggestion as it is now, selected, so that a typed name replaces it', () => {
    setBridge(createFakeBridge({}).bridge);
    useUi.setState({ locale: 'zh-CN', notices: [] });
    useEditorUi.setState({ templateOpen: false });
    // Mounted with the editor as the declaration opens, before 境内收发货人 is keyed.
    const { rerender } = render(
      <TemplateDialog declarationId={saved.id} suggestion="SW2612070000000001" beforeSave={async () => undefined} />,
    );
    rerender(
      <TemplateDialog declarationId={saved.id} suggestion="上海鲜果贸易有限公司" beforeSave={async () => undefined} />,
    );
    act(() => useEditorUi.setState({ templateOpen: true }));
    const box = screen.getByRole('textbox') as HTMLInputElement;
    expect(box.value).toBe('上海鲜果贸易有限公司');
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
  });
});
