import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api';
import { silentLogger } from '../../logging/logger';
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
