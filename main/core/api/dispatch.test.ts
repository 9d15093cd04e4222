import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api';
import { createLogger, silentLogger } from '../../logging/logger';
import type { Handlers } from './dispatch';
import { createDispatch } from './dispatch';
import { declarationRecord } from '../../../test-support/shared/records';

const record = declarationRecord({ doc: { head: {}, lines: [], tables: {} } });

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  return {
    'app.info': () => ({ name: 'SW Desk', version: '0.0.0', host: 'browser', dataDir: '/tmp', schemaVersion: 1 }),
    'declarations.list': unused,
    'declarations.get': () => record,
    'declarations.create': unused,
    'declarations.update': unused,
    'declarations.delete': unused,
    'declarations.declare': unused,
    'declarations.receipts': unused,
    'declarations.taxBill': unused,
    'sync.status': unused,
    'sync.now': unused,
    'sync.connect': unused,
    'keys.status': unused,
    'keys.unlock': unused,
    ...overrides,
  } as Handlers;
}

describe('contract dispatch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs a valid call and returns {ok, value}', async () => {
    const dispatch = createDispatch(handlers(), silentLogger);
    await expect(dispatch('declarations.get', { id: record.id })).resolves.toEqual({ ok: true, value: record });
  });

  it('refuses an unknown method without running anything', async () => {
    const dispatch = createDispatch(handlers(), silentLogger);
    const result = await dispatch('declarations.drop', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses bad input with issues naming the field, and the handler never runs', async () => {
    const get = vi.fn(() => record);
    const dispatch = createDispatch(handlers({ 'declarations.get': get }), silentLogger);
    const result = await dispatch('declarations.get', { id: 'not-a-uuid', extra: 1 });
    expect(get).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['id']));
    // Each issue is a reason the renderer words; zod's English is only the detail kept for support.
    expect(result.error.issues?.find((i) => i.path === 'id')).toMatchObject({
      code: 'input.bad-format',
      params: { format: 'uuid' },
    });
    expect(result.error.params?.detail).toContain('id: Invalid UUID');
  });

  it('passes an AppError through as the contract error', async () => {
    const dispatch = createDispatch(
      handlers({
        'declarations.get': () => {
          throw new AppError('declarations.not-found', { id: 'x' });
        },
      }),
      silentLogger,
    );
    await expect(dispatch('declarations.get', { id: record.id })).resolves.toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'Declaration x does not exist (it may have been deleted)',
        reason: 'declarations.not-found',
        params: { id: 'x' },
      },
    });
  });

  it('turns an unexpected exception into INTERNAL instead of throwing', async () => {
    const dispatch = createDispatch(
      handlers({
        'declarations.get': () => {
          throw new TypeError('boom');
        },
      }),
      silentLogger,
    );
    const answer = await dispatch('declarations.get', { id: record.id });
    // The program's own text travels as a parameter for support, never inside the sentence the broker reads.
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        reason: 'common.internal',
        params: { method: 'declarations.get', detail: 'boom' },
      },
    });
    expect(answer.ok ? '' : answer.error.message).not.toContain('boom');
  });

  it("logs a refusal with what its sentence leaves out: the reason's detail, for the support person who reads the log", async () => {
    const lines: string[] = [];
    const detail = 'connect ECONNREFUSED 127.0.0.1:1: fetch failed (ECONNREFUSED)';
    const dispatch = createDispatch(
      handlers({
        'sync.now': () => {
          throw new AppError('sync.hub-unreachable', {
            url: 'http://127.0.0.1:1',
            cause: 'connection-refused',
            detail,
          });
        },
        'declarations.get': () => {
          throw new AppError('declarations.not-found', { id: 'x' });
        },
      }),
      createLogger((line) => lines.push(line)),
    );
    const answer = await dispatch('sync.now', {});
    expect(answer.ok ? '' : answer.error.message).not.toContain('ECONNREFUSED');
    await dispatch('declarations.get', { id: record.id });
    const [refused, notFound] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(refused).toMatchObject({
      level: 'warn',
      msg: 'handler refused',
      method: 'sync.now',
      code: 'HUB_UNREACHABLE',
      reason: 'sync.hub-unreachable',
      error: 'Cannot reach the hub at http://127.0.0.1:1: nothing answers at that address and port',
      detail,
    });
    // A refusal said in full (no program's words) is noted, not warned about.
    expect(notFound).toMatchObject({ level: 'info', reason: 'declarations.not-found', method: 'declarations.get' });
    expect(notFound).not.toHaveProperty('detail');
  });

  it('logs a program error with its whole cause chain and stack, and gives support the chain', async () => {
    const lines: string[] = [];
    const denied = Object.assign(new Error("EACCES: permission denied, open '/data/swdesk.sqlite-wal'"), {
      code: 'EACCES',
    });
    const dispatch = createDispatch(
      handlers({
        'declarations.get': () => {
          throw new Error('could not read the declaration', {
            cause: new Error('the journal is unreadable', { cause: denied }),
          });
        },
      }),
      createLogger((line) => lines.push(line)),
    );
    const answer = await dispatch('declarations.get', { id: record.id });
    const chain =
      "could not read the declaration: the journal is unreadable: EACCES: permission denied, open '/data/swdesk.sqlite-wal'";
    expect(answer).toMatchObject({ ok: false, error: { reason: 'common.internal', params: { detail: chain } } });
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', msg: 'handler failed', method: 'declarations.get', error: chain });
    expect(line.stack).toMatch(/^Error: could not read the declaration\n\s+at /);
  });

  it('catches a handler whose output breaks the contract', async () => {
    const dispatch = createDispatch(
      handlers({ 'declarations.get': () => ({ ...record, revision: 'one' }) as never }),
      silentLogger,
    );
    await expect(dispatch('declarations.get', { id: record.id })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
