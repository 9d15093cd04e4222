import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useCallback, useMemo, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Row } from '../../../shared/catalog';
import { queryClient } from '../../api/queries';
import type { FieldContext } from './field-context';
import { testFieldContext } from '../../../test-support/renderer/field-context';
import { fieldProps } from './field-context';
import { headGroups } from './form-layout';
import { FieldGroups } from './head-form';

// The real field props, counted: a box of the head works out its fields' props each time it renders.
vi.mock('./field-context', async (importOriginal) => {
  const real = await importOriginal<{ fieldProps: typeof fieldProps }>();
  return { ...real, fieldProps: vi.fn(real.fieldProps) };
});

/** The head as the editor holds it: each keystroke a new head, with every other value as it was. */
function Head({ initial }: { initial: Row }) {
  const [head, setHead] = useState<Row>(initial);
  const setField = useCallback((path: string, value: string) => {
    setHead((h) => ({ ...h, [path.slice('head.'.length)]: value }));
  }, []);
  const ctx: FieldContext = useMemo(
    () => testFieldContext({ head, lines: [], tables: {} }, { setField }),
    [head, setField],
  );
  return <FieldGroups groups={headGroups} ctx={ctx} />;
}

describe('the head renders by box', () => {
  afterEach(cleanup);

  it('a keystroke in one field renders that field’s box only, not the head’s other fields', () => {
    render(
      <QueryClientProvider client={queryClient}>
        <Head initial={{ IEFlag: 'I', TradeName: '上海鲜果', NoteS: '' }} />
      </QueryClientProvider>,
    );
    const worked = vi.mocked(fieldProps);
    const shown = worked.mock.calls.length;
    expect(shown).toBeGreaterThan(40);
    worked.mockClear();
    const note = screen.getByLabelText<HTMLInputElement>('备注');
    fireEvent.change(note, { target: { value: '富士' } });
    expect(screen.getByLabelText<HTMLInputElement>('备注').value).toBe('富士');
    const box = headGroups.find((g) => g.fields.includes('head.NoteS'));
    const rendered = new Set(worked.mock.calls.map(([path]) => path));
    expect(rendered.has('head.NoteS')).toBe(true);
    // Only the paths of 备注's box (a handful), none of the rest of the head.
    expect([...rendered].every((path) => box?.fields.includes(path))).toBe(true);
    // Another box's field typed in afterwards shows its new value (its box follows its own fields).
    fireEvent.change(screen.getByLabelText<HTMLInputElement>('境内收发货人', { exact: true }), {
      target: { value: '上海果业' },
    });
    expect(screen.getByLabelText<HTMLInputElement>('境内收发货人', { exact: true }).value).toBe('上海果业');
  });
});
