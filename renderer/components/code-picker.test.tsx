import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodeTableSummaryDto } from '../../shared/api';
import { refreshCodeTables, useCodeSnapshot } from '../api/code-tables';
import { queryClient } from '../api/queries';
import { renderOnOwnClient, renderWithBridge } from '../../test-support/renderer/render-with-bridge';
import type { createFakeBridge } from '../../test-support/renderer/fake-bridge';
import { CodePicker } from './code-picker';

const rows = [
  { code: '0110', name_zh: '一般贸易', name_en: 'General trade', initials: 'ybmy' },
  { code: '0214', name_zh: '来料加工', name_en: 'Processing with supplied materials', initials: 'lljg' },
  { code: '0615', name_zh: '进料对口', name_en: 'Processing with imported materials', initials: 'jldk' },
  { code: '3039', name_zh: '货样广告品B（已废止）', name_en: '', initials: 'hyggpb', validity: 'legacy' as const },
];

function Harness({ commits }: { commits: string[] }) {
  const [value, setValue] = useState('');
  return (
    <>
      <CodePicker
        id="tm"
        table="trade-modes"
        value={value}
        locale="zh-CN"
        ariaLabel="监管方式"
        invalid={false}
        readOnly={false}
        path="head.TradeMode"
        onChange={setValue}
        onCommit={() => commits.push(value)}
      />
      <output data-testid="value">{value}</output>
    </>
  );
}

describe('code picker', () => {
  let release: (() => void) | null;
  let hold: boolean;
  let commits: string[];
  beforeEach(() => {
    release = null;
    hold = false;
    commits = [];
    renderOnOwnClient(
      {
        'codes.search': async (input) => {
          const { query } = input as { query: string };
          if (hold) await new Promise<void>((resolve) => (release = resolve));
          const q = query.toLowerCase();
          const hits = rows
            .filter((r) => r.code.startsWith(query) || r.initials.startsWith(q) || r.name_zh.includes(query))
            .map((r, i) => ({ ...r, rank: i }));
          return { ok: true, value: hits };
        },
      },
      <Harness commits={commits} />,
    );
  });
  afterEach(cleanup);

  const input = () => screen.getByRole('combobox', { name: '监管方式' });

  it("marks a code that is not in force, as main's search says", async () => {
    fireEvent.change(input(), { target: { value: '30' } });
    const option = await screen.findByRole('option', { name: /3039/ });
    expect(option.textContent).toBe('3039 货样广告品B（已废止） 旧表代码');
  });

  it('lists the matches for pinyin initials with code and name; ↓ and Enter pick one', async () => {
    fireEvent.change(input(), { target: { value: 'l' } });
    expect(await screen.findByRole('option', { name: /0214 来料加工/ })).toBeTruthy();
    expect(input().getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowUp' });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(screen.getByTestId('value').textContent).toBe('0214');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('moves the highlight with the arrow keys and closes on Escape without picking', async () => {
    fireEvent.change(input(), { target: { value: '0' } });
    await screen.findByRole('option', { name: /0615/ });
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(screen.getByRole('option', { selected: true }).textContent).toContain('0615');
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByTestId('value').textContent).toBe('0');
  });

  it('opens the whole list with F4, and says when nothing matches', async () => {
    fireEvent.keyDown(input(), { key: 'F4' });
    expect(await screen.findAllByRole('option')).toHaveLength(rows.length);
    fireEvent.change(input(), { target: { value: 'zzz' } });
    expect(await screen.findByText('代码表中没有匹配的代码')).toBeTruthy();
  });

  it('never holds a keystroke: Enter before the matches arrive lets the cursor go on, and the first match replaces the typed text when it comes', async () => {
    hold = true;
    fireEvent.change(input(), { target: { value: 'ybmy' } });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByTestId('value').textContent).toBe('ybmy');
    // The search for "ybmy" is in flight and held; let it answer, then wait for the pick it brings.
    await waitFor(() => expect(release).not.toBeNull());
    act(() => release?.());
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('0110'));
    expect(commits.length).toBeGreaterThan(0);
  });
});

// A small table the window holds (the checks' snapshot) is searched in the renderer: a keystroke in its picker
// makes no call to main, and a table changed in main is searched as it is now (fake bridge standing in for main).
describe('code picker on a table this window holds', () => {
  let held: Array<Record<string, string>>;
  let fake: ReturnType<typeof createFakeBridge>;
  // The editor holds the small tables for its checks; the picker searches that copy.
  function EditorHoldingTables() {
    return <output data-testid="held">{useCodeSnapshot().tables.length > 0 ? 'held' : ''}</output>;
  }
  const tablesHeld = () => waitFor(() => expect(screen.getByTestId('held').textContent).toBe('held'));
  const summary = (): CodeTableSummaryDto => ({
    id: 'trade-modes',
    zh: '监管方式代码',
    en: 'Trade modes',
    builtin: 'partial',
    version: `v${held.length}`,
    origin: 'import',
    complete: true,
    rowCount: held.length,
    source: null,
    asOf: '',
    updatedAt: null,
    builtinVersion: null,
  });
  beforeEach(() => {
    // In force: the first three; 3039 only in the 2018 table (listed last, marked).
    held = rows.map(({ validity, ...row }) => (validity ? { ...row, status: 'legacy_2018_only' } : row));
    queryClient.clear();
    fake = renderWithBridge(
      {
        'codes.tables': () => ({ ok: true, value: [summary()] }),
        'codes.snapshot': () => ({
          ok: true,
          value: { tables: [{ id: 'trade-modes', version: `v${held.length}`, complete: true, rows: held }] },
        }),
      },
      <>
        <EditorHoldingTables />
        <Harness commits={[]} />
      </>,
    );
  });
  afterEach(cleanup);

  const input = () => screen.getByRole('combobox', { name: '监管方式' });
  const options = () => screen.getAllByRole('option').map((o) => o.textContent);

  it('lists code prefix, pinyin initials and name matches without asking main', async () => {
    await tablesHeld();
    fireEvent.change(input(), { target: { value: '0' } });
    expect(await screen.findByRole('option', { name: /0615/ })).toBeTruthy();
    fireEvent.change(input(), { target: { value: 'lljg' } });
    expect(options()).toEqual(['0214 来料加工']);
    fireEvent.change(input(), { target: { value: '对口' } });
    expect(options()).toEqual(['0615 进料对口']);
    fireEvent.change(input(), { target: { value: '3' } });
    expect(options()).toEqual(['3039 货样广告品B（已废止） 旧表代码']);
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(screen.getByTestId('value').textContent).toBe('3039');
    expect(fake.calls.filter((c) => c.method === 'codes.search')).toEqual([]);
  });

  it('searches the table as it is after main says the tables changed', async () => {
    await tablesHeld();
    held = [...held, { code: '9610', name_zh: '跨境贸易电子商务', name_en: '', initials: 'kjmydzsw' }];
    await act(() => refreshCodeTables());
    fireEvent.change(input(), { target: { value: 'kj' } });
    expect(await screen.findByRole('option', { name: /9610 跨境贸易电子商务/ })).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'codes.search')).toEqual([]);
  });
});
