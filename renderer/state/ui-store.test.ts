import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_NOTICES, type Notice, useUi } from './ui-store';

// The newest notice shows at once and the oldest it steps over waits for one to close instead of being dropped: a
// broker must see a 需交税费 that just came, and must not lose a release or a rejection because three others showed.
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

  it('shows the newest at once and keeps the oldest it steps over, showing it again when one on screen closes', () => {
    for (const text of ['a', 'b', 'c', 'd', 'e']) notify(text);
    expect(MAX_NOTICES).toBe(3);
    expect(shown()).toEqual(['c', 'd', 'e']);
    expect(waiting()).toEqual(['a', 'b']);
    close('d');
    expect(shown()).toEqual(['c', 'e', 'a']);
    expect(waiting()).toEqual(['b']);
    close('c');
    close('e');
    expect(shown()).toEqual(['a', 'b']);
    expect(waiting()).toEqual([]);
  });

  it('steps a plain notice back before one with 详情, which stays until closed', () => {
    const broke = Object.assign(said('broke'), { detail: 'socket hang up' });
    useUi.getState().notify({ kind: 'error', message: broke });
    for (const text of ['a', 'b', 'c']) notify(text);
    expect(shown()).toEqual(['broke', 'b', 'c']);
    expect(waiting()).toEqual(['a']);
  });

  it('shows a notice once: the same as one shown or waiting comes again on top', () => {
    for (const text of ['a', 'b', 'c', 'd', 'e']) notify(text);
    notify('a');
    expect(shown()).toEqual(['d', 'e', 'a']);
    expect(waiting()).toEqual(['b', 'c']);
    notify('d');
    expect(shown()).toEqual(['e', 'a', 'd']);
    expect(waiting()).toEqual(['b', 'c']);
    // A waiting notice dismissed before its turn never shows.
    close('b');
    expect(waiting()).toEqual(['c']);
    expect(shown()).toEqual(['e', 'a', 'd']);
  });

  it('drops a waiting notice on a declaration when a newer one on it comes', () => {
    const on = (text: string, declarationId: string) =>
      useUi.getState().notify({ kind: 'info', message: said(text), declarationId });
    on('d1 需交税费', 'd1');
    on('d2 需交税费', 'd2');
    for (const text of ['a', 'b', 'c']) notify(text);
    expect(waiting()).toEqual(['d1 需交税费', 'd2 需交税费']);
    on('d1 已放行', 'd1');
    expect(shown()).toEqual(['b', 'c', 'd1 已放行']);
    expect(waiting()).toEqual(['d2 需交税费', 'a']);
  });

  it('does not bring back a plain notice on a declaration stepped back for a newer one on it, nor drop a refusal', () => {
    const on = (text: string, declarationId: string, kind: Notice['kind'] = 'info') =>
      useUi.getState().notify({ kind, message: said(text), declarationId });
    on('d1 需交税费', 'd1');
    on('d2 退单', 'd2', 'rejected');
    on('d3 查验', 'd3');
    on('d1 已放行', 'd1');
    expect(shown()).toEqual(['d2 退单', 'd3 查验', 'd1 已放行']);
    expect(waiting()).toEqual([]);
    on('d4 需交税费', 'd4');
    expect(waiting()).toEqual(['d2 退单']);
    on('d2 已恢复', 'd2');
    expect(waiting()).toEqual(['d2 退单', 'd3 查验']);
  });
});
