import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { declarationRecord } from '../../../test-support/shared/records';
import { Timeline } from './timeline';

// The history names where a declaration came from, as its first revision records it (fake bridge).

const { id } = declarationRecord();

function showing(created: Record<string, unknown>) {
  const entries: TimelineEntry[] = [
    { revision: 1, at: '2026-11-22T00:00:00.000Z', actor: '王芳', action: 'create', changes: created },
  ];
  setBridge(createFakeBridge({ 'declarations.timeline': () => ({ ok: true, value: entries }) }).bridge);
  render(
    <QueryClientProvider client={queryClient}>
      <Timeline id={id} />
    </QueryClientProvider>,
  );
}

describe('the history: where a declaration came from', () => {
  beforeEach(() => queryClient.clear());
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
  });

  it('names the template a declaration was started from', async () => {
    showing({ template: '鲜果表头', ieFlag: 'I' });
    const step = await within(screen.getByRole('region', { name: '经过' })).findByRole('listitem');
    expect(step.textContent).toMatch(/新建 — 来自模板“鲜果表头” 王芳$/);
  });

  it('names the declaration a copy was made from, in English too', async () => {
    useUi.setState({ locale: 'en' });
    showing({ copiedFrom: 'SW261122PREVIOUS01', carried: { 'head.BillNo': 'COSU1' } });
    const step = await screen.findByRole('listitem');
    expect(step.textContent).toContain('copied from declaration SW261122PREVIOUS01');
  });

  it('says nothing more of a declaration started afresh', async () => {
    showing({ ieFlag: 'I' });
    const step = await screen.findByRole('listitem');
    expect(step.textContent).toMatch(/新建 王芳$/);
  });
});
