import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { COUNT_CAP } from './declaration-list-query';

describe('declaration list query', () => {
  let f: CoreFixture;
  beforeEach(() => {
    f = coreFixture();
  });
  afterEach(() => f.close());

  function add(
    head: Record<string, string>,
    at: string,
    state?: { status: 'released' | 'queued'; entryId?: string; seqNo?: string },
  ) {
    f.clock.set(Date.parse(at));
    const record = f.declarations.create({ ieFlag: 'I' });
    const ops = Object.entries(head).map(([key, value]) => ({ op: 'set' as const, path: `head.${key}`, value }));
    const saved = ops.length > 0 ? f.declarations.update({ id: record.id, baseRevision: 1, ops }) : { revision: 1 };
    if (state) {
      f.repo.setState({
        id: record.id,
        workflow: state.status === 'queued' ? 'queued' : 'sent',
        status: state.status,
        channel: state.status === 'released' ? 'P' : null,
        entryId: state.entryId ?? null,
        seqNo: state.seqNo ?? null,
        rejection: null,
        revision: saved.revision + 1,
        updatedAt: at,
      });
    }
    return record;
  }

  const seqs = (result: { items: Array<{ clientSeqNo: string }> }) => result.items.map((i) => i.clientSeqNo);

  it('finds a declaration by a prefix of any identifier a broker searches by, in capitals or as typed', () => {
    const a = add(
      { BillNo: 'COSU6123456780', ContrNo: 'CT2026-1101', TradeName: '上海鲜果贸易有限公司' },
      '2026-11-01T08:00:00Z',
      { status: 'released', entryId: '220120261000000123', seqNo: 'Z22010000000000001' },
    );
    const b = add(
      { BillNo: 'MSKU0000001', ContrNo: 'HT-77', TradeName: '宁波机电进出口有限公司' },
      '2026-11-02T08:00:00Z',
    );
    expect(seqs(f.repo.list({ text: 'cosu612' }))).toEqual([a.clientSeqNo]);
    expect(seqs(f.repo.list({ text: 'HT-' }))).toEqual([b.clientSeqNo]);
    expect(seqs(f.repo.list({ text: '上海鲜果' }))).toEqual([a.clientSeqNo]);
    expect(seqs(f.repo.list({ text: '2201202610' }))).toEqual([a.clientSeqNo]);
    expect(seqs(f.repo.list({ text: 'Z2201' }))).toEqual([a.clientSeqNo]);
    expect(seqs(f.repo.list({ text: b.clientSeqNo }))).toEqual([b.clientSeqNo]);
    // A search in one identifier looks nowhere else.
    expect(seqs(f.repo.list({ text: 'COSU', field: 'contrNo' }))).toEqual([]);
    expect(seqs(f.repo.list({ text: 'COSU', field: 'billNo' }))).toEqual([a.clientSeqNo]);
    expect(f.repo.list({ text: 'nothing-like-this' })).toEqual({ items: [], total: 0, totalExact: true });
  });

  it('filters by status and date range and counts exactly from the per-status counts', () => {
    const a = add({}, '2026-10-30T23:00:00Z', { status: 'released' });
    const b = add({}, '2026-11-01T00:30:00Z');
    const c = add({}, '2026-11-03T12:00:00Z', { status: 'queued' });
    expect(f.repo.list({})).toMatchObject({ total: 3, totalExact: true });
    expect(seqs(f.repo.list({ status: ['draft'] }))).toEqual([b.clientSeqNo]);
    expect(f.repo.list({ status: ['released', 'queued'] })).toMatchObject({ total: 2, totalExact: true });
    expect(seqs(f.repo.list({ from: '2026-11-01', to: '2026-11-01' }))).toEqual([b.clientSeqNo]);
    expect(seqs(f.repo.list({ from: '2026-10-30' }))).toEqual([c.clientSeqNo, b.clientSeqNo, a.clientSeqNo]);
    f.declarations.delete([b.id]);
    expect(f.repo.list({})).toMatchObject({ total: 2 });
    expect(f.repo.list({ status: ['draft'] })).toEqual({ items: [], total: 0, totalExact: true });
  });

  it('sorts by each column either way and pages without repeating or skipping rows', () => {
    const names = ['丙公司', '甲公司', '乙公司', '丁公司', '戊公司'];
    const made = names.map((name, i) => add({ TradeName: name, BillNo: `B${i}` }, `2026-11-0${i + 1}T08:00:00Z`));
    expect(seqs(f.repo.list({ sort: 'updatedAt', direction: 'asc' }))).toEqual(made.map((m) => m.clientSeqNo));
    expect(f.repo.list({ sort: 'tradeName', direction: 'asc' }).items.map((i) => i.tradeName)).toEqual(
      [...names].sort(),
    );
    expect(f.repo.list({ sort: 'billNo', direction: 'desc' }).items.map((i) => i.billNo)).toEqual([
      'B4',
      'B3',
      'B2',
      'B1',
      'B0',
    ]);
    const pages = [0, 2, 4].flatMap((offset) =>
      seqs(f.repo.list({ sort: 'tradeName', direction: 'asc', limit: 2, offset })),
    );
    expect(pages).toEqual(seqs(f.repo.list({ sort: 'tradeName', direction: 'asc' })));
  });

  it('counts a broad search only up to the cap and still returns its newest page', () => {
    const insert = f.db
      .prepare(`INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, bill_no, head, revision, created_at, updated_at)
      VALUES (?, ?, 'I', 'draft', 'draft', ?, '{}', 1, ?, ?)`);
    f.db.transaction(() => {
      for (let i = 0; i < COUNT_CAP + 10; i++) {
        const at = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString();
        insert.run(`id-${i}`, `SWX${String(i).padStart(6, '0')}`, `COSU${String(i).padStart(8, '0')}`, at, at);
      }
    })();
    const broad = f.repo.list({ text: 'COSU', limit: 3 });
    expect(broad.totalExact).toBe(false);
    expect(broad.total).toBe(COUNT_CAP);
    expect(seqs(broad)).toEqual(['SWX002009', 'SWX002008', 'SWX002007']);
    const narrow = f.repo.list({ text: 'COSU0000200' });
    expect(narrow).toMatchObject({ total: 10, totalExact: true });
    expect(f.repo.list({ status: ['draft'] })).toMatchObject({ total: COUNT_CAP + 10, totalExact: true });
  });

  it('refuses a bad query, naming the field, and returns nothing', () => {
    expect(() => f.repo.list({ sort: 'status' as 'updatedAt' })).toThrow(/sort/);
    expect(() => f.repo.list({ from: '2026-13-01' })).toThrow(/from/);
  });

  it('shows 申报日期 (the last declare, cleared by a withdrawal), 监管方式, 件数, 毛重 and 录入员, and sorts by 申报日期', () => {
    const a = add(
      { TradeMode: '0110', PackNo: '12', GrossWet: '1520.5', InputerName: '王芳', Type: '  5', IEDate: '20261101' },
      '2026-11-01T08:00:00Z',
    );
    const b = add({}, '2026-11-02T08:00:00Z');
    const c = add({}, '2026-11-03T08:00:00Z');
    let revision = 100;
    const declareAt = (id: string, at: string, action: 'declare' | 'withdraw') =>
      f.repo.addRevision(id, revision++, { at, actor: 't', action, changes: {} });
    declareAt(a.id, '2026-11-05T09:00:00.000Z', 'declare');
    declareAt(b.id, '2026-11-04T09:00:00.000Z', 'declare');
    declareAt(b.id, '2026-11-04T10:00:00.000Z', 'withdraw');
    declareAt(c.id, '2026-11-03T09:00:00.000Z', 'declare');
    const first = f.repo.list({ sort: 'declaredAt', direction: 'desc' });
    expect(seqs(first)).toEqual([a.clientSeqNo, c.clientSeqNo, b.clientSeqNo]);
    expect(first.items[0]).toMatchObject({
      declaredAt: '2026-11-05T09:00:00.000Z',
      tradeMode: '0110',
      packNo: '12',
      grossWet: '1520.5',
      inputerName: '王芳',
      twoStep: 'summary',
      ieDate: '20261101',
    });
    expect(first.items[2]).toMatchObject({ declaredAt: null, tradeMode: '', packNo: '', twoStep: null, ieDate: '' });
    // The record the editor opens carries the same values, read from its head document rather than the list's columns.
    expect(f.declarations.get(a.id)).toMatchObject(first.items[0] ?? {});
    expect(f.declarations.get(b.id)).toMatchObject(first.items[2] ?? {});
    expect(seqs(f.repo.list({ sort: 'declaredAt', direction: 'asc' }))).toEqual([
      b.clientSeqNo,
      c.clientSeqNo,
      a.clientSeqNo,
    ]);
  });

  it('reads a page of 申报日期 off its own index', () => {
    const plan = f.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM declarations WHERE deleted_at IS NULL ORDER BY declared_at DESC, rowid DESC LIMIT 50`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' | ')).toContain('declarations_declared');
  });
});
