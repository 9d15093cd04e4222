import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridge } from '../api/client';
import { createFakeBridge } from '../../test-support/renderer/fake-bridge';
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
    const fake = createFakeBridge({
      'codes.search': async (input) => {
        const { query } = input as { query: string };
        if (hold) await new Promise<void>((resolve) => (release = resolve));
        const q = query.toLowerCase();
        const hits = rows
          .filter((r) => r.code.startsWith(query) || r.initials.startsWith(q) || r.name_zh.includes(query))
          .map((r, i) => ({ ...r, rank: i }));
        return { ok: true, value: hits };
      },
    });
    setBridge(fake.bridge);
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <Harness commits={commits} />
      </QueryClientProvider>,
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
