import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findSection, goodsDeclaration } from '../../../shared/catalog';
import { queryClient } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { useUi } from '../../state/ui-store';
import { screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { testFieldContext } from '../../../test-support/renderer/field-context';
import { tabSections } from './form-layout';
import { TableEditor } from './table-editor';

const tables = tabSections.flatMap((id) => {
  const section = findSection(goodsDeclaration, id);
  return section?.repeats ? [section] : [];
});

describe('a sub-table of the editor', () => {
  screenPerTest();

  it('heads every column, its row buttons’ too, with the app’s one word for them, in Chinese and English', () => {
    expect(tables.map((s) => s.id)).toContain('containers');
    for (const locale of ['zh-CN', 'en'] as const) {
      useUi.setState({ locale });
      for (const section of tables) {
        const ctx = testFieldContext({ head: { IEFlag: 'I' }, lines: [], tables: { [section.id]: [{}] } }, { locale });
        render(
          <QueryClientProvider client={queryClient}>
            <TableEditor section={section} ctx={ctx} onOp={() => undefined} />
          </QueryClientProvider>,
        );
        const heads = screen.getAllByRole('columnheader').map((th) => th.textContent ?? '');
        expect(
          heads.filter((head) => head === ''),
          section.id,
        ).toEqual([]);
        expect(heads.at(-1), section.id).toBe(messages[locale].actionsColumn);
        cleanup();
      }
    }
  });
});
