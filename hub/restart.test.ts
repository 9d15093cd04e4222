import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Receipt, SignedSubmission, SubmitResult } from '../shared/protocol';
import {
  enrollmentResponseSchema,
  hubErrorSchema,
  receiptsResponseSchema,
  submissionStateSchema,
  submitResponseSchema,
} from '../shared/protocol';
import { openSqliteStore } from './store/sqlite/sqlite-store';
import type { HubProcess } from '../test-support/hub/hub-process';
import { startHubProcess } from '../test-support/hub/hub-process';
import { startTestHub, tempDir } from '../test-support/hub/in-process';
import { seededRandom } from '../test-support/shared/seeded-random';
import type { TestClient } from '../test-support/hub/test-client';
import { ed25519Key, signedInit, submission } from '../test-support/hub/test-client';
import { enrollmentCode } from '../test-support/hub/store-fixtures';

const dirs: string[] = [];
const procs: HubProcess[] = [];
afterEach(async () => {
  for (const p of procs.splice(0)) await p.stop('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = tempDir('swhub-restart-');
  dirs.push(d);
  return d;
}

/** A code written straight into the store (WAL lets this run beside the hub process). */
async function codeFor(dir: string): Promise<string> {
  const store = openSqliteStore(dir);
  const code = await enrollmentCode(store);
  await store.close();
  return code;
}

async function enroll(url: string, dir: string): Promise<TestClient> {
  const key = ed25519Key();
  const response = await fetch(`${url}/v1/enrollments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: await codeFor(dir),
      publicKey: key.publicKey,
      algorithm: 'ed25519',
      clientName: 'restart test',
    }),
  });
  return { clientId: enrollmentResponseSchema.parse(await response.json()).clientId, key };
}

const signed = (client: TestClient, method: 'GET' | 'POST', path: string, body?: unknown): RequestInit =>
  signedInit(client, method, path, body === undefined ? undefined : JSON.stringify(body));

describe('crash safety', () => {
  it('loses nothing it acknowledged when killed -9 in the middle of batches, and issues no receipt twice after the restart', async () => {
    const dir = dataDir();
    let hub = await startHubProcess(dir, { SWHUB_STEP_DELAY_MS: '0' });
    procs.push(hub);
    const client = await enroll(hub.url, dir);
    const batches: SignedSubmission[][] = Array.from({ length: 24 }, () =>
      Array.from({ length: 25 }, () => submission(client.key)),
    );
    const acknowledged = new Map<string, SubmitResult>();
    let answered = 0;
    // Which answer the kill follows is chosen from a printed seed, so a failing run can be replayed.
    const killAfter = 3 + seededRandom('hub kill -9 point').int(4);
    const sends = batches.map(async (batch) => {
      try {
        const response = await fetch(
          `${hub.url}/v1/submissions`,
          signed(client, 'POST', '/v1/submissions', { submissions: batch }),
        );
        const { results } = submitResponseSchema.parse(await response.json());
        for (const r of results) acknowledged.set(r.submissionId, r);
        answered += 1;
        if (answered === killAfter) hub.child.kill('SIGKILL');
      } catch {
        // The connection died with the process: this batch was not acknowledged.
      }
    });
    await Promise.all(sends);
    expect(await hub.stop('SIGKILL')).toBeNull();
    // The hub itself is gone (not just a wrapper around it): its port answers no more.
    await expect(fetch(`${hub.url}/v1/health`)).rejects.toThrow();
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter * 25);

    const check = openSqliteStore(dir);
    expect(check.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await check.close();

    hub = await startHubProcess(dir, { SWHUB_STEP_DELAY_MS: '0' });
    procs.push(hub);
    for (const [id, result] of acknowledged) {
      expect(result.outcome).toBe('accepted');
      const state = submissionStateSchema.parse(
        await (await fetch(`${hub.url}/v1/submissions/${id}`, signed(client, 'GET', `/v1/submissions/${id}`))).json(),
      );
      expect(state).toMatchObject({ state: 'accepted', hubSeq: result.hubSeq });
    }
    // Resending everything: what was acknowledged is a duplicate with its hub sequence; nothing is a conflict.
    const all = batches.flat();
    let accepted = 0;
    for (const batch of batches) {
      const { results } = submitResponseSchema.parse(
        await (
          await fetch(`${hub.url}/v1/submissions`, signed(client, 'POST', '/v1/submissions', { submissions: batch }))
        ).json(),
      );
      for (const r of results) {
        const before = acknowledged.get(r.submissionId);
        if (before) expect(r).toMatchObject({ outcome: 'duplicate', hubSeq: before.hubSeq });
        else expect(['accepted', 'duplicate']).toContain(r.outcome);
        if (r.outcome === 'accepted') accepted += 1;
      }
    }
    expect(accepted).toBeLessThanOrEqual(all.length - acknowledged.size);

    const receipts: Receipt[] = [];
    let cursor = '';
    while (receipts.length < all.length * 4) {
      const page = receiptsResponseSchema.parse(
        await (
          await fetch(
            `${hub.url}/v1/receipts?after=${cursor}&wait=10`,
            signed(client, 'GET', `/v1/receipts?after=${cursor}&wait=10`),
          )
        ).json(),
      );
      receipts.push(...page.receipts);
      cursor = page.cursor;
    }
    expect(receipts).toHaveLength(all.length * 4);
    const bySubmission = new Map<string, string[]>();
    for (const r of receipts)
      bySubmission.set(r.submissionId, [...(bySubmission.get(r.submissionId) ?? []), r.channel]);
    expect(bySubmission.size).toBe(all.length);
    for (const channels of bySubmission.values()) expect(channels).toEqual(['7', 'L', 'T', 'P']);
    expect(await hub.stop('SIGTERM')).toBe(0);
    // Two hub starts, 600 signed submissions sent twice and 2,400 receipts: about 20 s on an idle machine;
    // the bound leaves room for a busy one (it is a limit, not a measurement).
  }, 120_000);
});

describe('graceful shutdown', () => {
  it('answers an open long poll and exits 0 on SIGTERM', async () => {
    const dir = dataDir();
    // The poll may wait five minutes, far longer than the test may run: only the shutdown can answer it
    // within the test's time (its 25 s wait expiring would have passed as well).
    const config = path.join(dir, 'long-polls.json');
    fs.writeFileSync(config, JSON.stringify({ maxWaitSeconds: 300 }));
    const hub = await startHubProcess(dir, { SWHUB_STEP_DELAY_MS: '0', SWHUB_LOG_LEVEL: 'info' }, ['--config', config]);
    procs.push(hub);
    const client = await enroll(hub.url, dir);
    const poll = fetch(`${hub.url}/v1/receipts?wait=300`, signed(client, 'GET', '/v1/receipts?wait=300'));
    // The request log line says the hub has the long poll in hand.
    await vi.waitFor(() => expect(hub.stderr()).toContain('"url":"/v1/receipts?wait=300"'), {
      timeout: 10_000,
      interval: 10,
    });
    const exit = hub.stop('SIGTERM');
    const response = await poll;
    expect(response.status).toBe(200);
    expect(receiptsResponseSchema.parse(await response.json())).toEqual({ receipts: [], cursor: '' });
    expect(await exit).toBe(0);
    expect(hub.stderr()).toContain('shutting down: finishing the work in flight');
    // Woken, not cut off: the grace period never had to close the poll's connection.
    expect(hub.stderr()).not.toContain('requests still in flight after the grace period');
    await expect(fetch(`${hub.url}/v1/health`)).rejects.toThrow();
  });

  it('refuses requests that arrive while it closes with 503 and Retry-After, after finishing those in flight', async () => {
    const t = await startTestHub({ processor: { enabled: false } });
    const client = await t.enroll();
    const inFlight = t.call(client, 'GET', '/v1/receipts?wait=20');
    await vi.waitFor(() => expect(t.hub.notifier.waiting(client.clientId)).toBe(1), { timeout: 10_000, interval: 5 });
    const closing = t.hub.close();
    const late = await t.hub.app.inject({ method: 'GET', url: '/v1/health' });
    expect(late.statusCode).toBe(503);
    expect(late.headers['retry-after']).toBe('5');
    expect(hubErrorSchema.parse(late.json()).error.code).toBe('shutting-down');
    expect((await inFlight).statusCode).toBe(200);
    await closing;
    fs.rmSync(t.dir, { recursive: true, force: true });
  });
});
