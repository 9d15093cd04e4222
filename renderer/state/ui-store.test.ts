import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_NOTICES, type Notice, useUi } from './ui-store';

// A notice past the few on screen waits for one to close instead of being dropped: a broker must not lose a release or
// a rejection because three other notices were showing.
describe('the notices waiting their turn', () => {
  beforeEach(() => useUi.setState({ notices: [], waiting: [] }));
  const said = (text: string) => () => text;
  const notify = (text: string) => useUi.getState().notify({ kind: 'info', message: said(text) });
  const texts = (list: readonly Notice[]) => list.map((n) => n.message('zh-CN'));
  const shown = () => texts(useUi.getState().notices);
  const waiting = () => texts(useUi.getState().waiting);
  const close = (text: string) => {
    const { notices, waiting: queue } = useUi.getState();
    const notice = [...notices, ...queue].find((n) => n.message('zh-CN') === text);
    if (!notice) throw new Error(`no notice ${text}`);
    useUi.getState().dismiss(notice.id);
  };

  it('keeps a notice past MAX_NOTICES and shows it, newest on top, when one on screen closes', () => {
    for (const text of ['a', 'b', 'c', 'd', 'e']) notify(text);
    expect(MAX_NOTICES).toBe(3);
    expect(shown()).toEqual(['a', 'b', 'c']);
    expect(waiting()).toEqual(['d', 'e']);
    close('b');
    expect(shown()).toEqual(['a', 'c', 'd']);
    expect(waiting()).toEqual(['e']);
    close('a');
    close('c');
    expect(shown()).toEqual(['d', 'e']);
    expect(waiting()).toEqual([]);
  });

  it('shows a notice once: the same as one shown moves it up, the same as one waiting keeps its turn', () => {
    for (const text of ['a', 'b', 'c', 'd', 'e']) notify(text);
    notify('a');
    expect(shown()).toEqual(['b', 'c', 'a']);
    notify('d');
    expect(waiting()).toEqual(['d', 'e']);
    // A waiting notice dismissed before its turn never shows.
    close('d');
    expect(waiting()).toEqual(['e']);
    expect(shown()).toEqual(['b', 'c', 'a']);
  });
});
