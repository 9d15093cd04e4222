import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSchema } from '../../shared/protocol';
import { hubMigrations } from '../store/migrations';
import type { TestHub } from '../../test-support/hub/in-process';
import { startTestHub } from '../../test-support/hub/in-process';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ processor: { enabled: false } });
});
afterAll(async () => {
  await t.close();
});

describe('health, OpenAPI and the docs page', () => {
  it('answers health unsigned', async () => {
    const response = await t.hub.app.inject({ method: 'GET', url: '/v1/health' });
    const health = healthSchema.parse(response.json());
    expect(health.status).toBe('ok');
    expect(health.store).toMatchObject({ kind: 'sqlite', schemaVersion: hubMigrations.length });
    expect(health.limits).toEqual({ attachmentBytes: 4 * 1024 * 1024 });
  });

  it('serves an OpenAPI 3.1 description of every route, with schemas for every body', async () => {
    const response = await t.hub.app.inject({ method: 'GET', url: '/v1/openapi.json' });
    const doc = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { responses: object; security?: unknown }>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /v1/attachments/{sha256}',
        'POST /v1/attachments/{sha256}',
        'GET /v1/code-tables',
        'GET /v1/code-tables/{tableId}',
        'GET /v1/decmods/{requestId}',
        'POST /v1/decmods',
        'GET /v1/docs',
        'GET /v1/health',
        'GET /v1/openapi.json',
        'GET /v1/receipts',
        'GET /v1/submissions/{submissionId}',
        'POST /v1/enrollments',
        'POST /v1/keys',
        'POST /v1/submissions',
      ].sort(),
    );
    // Every described route exists (signed ones answer 401 unsigned, never 404).
    for (const route of routes) {
      const [method, template] = route.split(' ');
      const url = (template ?? '').replace(/\{\w+\}/, '00000000-0000-4000-8000-000000000000');
      const answer = await t.hub.app.inject({ method: method === 'POST' ? 'POST' : 'GET', url });
      expect(answer.statusCode, route).not.toBe(404);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['SubmitRequest', 'SubmitResponse', 'ReceiptsResponse', 'HubError', 'EnrollmentRequest']),
    );
    expect(doc.paths['/v1/submissions']?.post?.security).toBeDefined();
    expect(doc.paths['/v1/enrollments']?.post?.security).toBeUndefined();
  });

  it('serves a self-contained page that renders the description', async () => {
    const response = await t.hub.app.inject({ method: 'GET', url: '/v1/docs' });
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['content-security-policy']).toMatch(/connect-src 'self'/);
    expect(response.body).toContain("fetch('openapi.json')");
    expect(response.body).not.toMatch(/https?:\/\/(?!json-schema)/);
  });
});
