import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type Running } from '../../../e2e/fixtures/processes';
import { browserDesk } from '../../../test-support/main/desk-app';
import { tempDir } from '../../../test-support/main/temp-dir';

// A broker keys a wrong enrolment code against a real hub process: the refusal is the hub's reason,
// said once and in the UI language (it read "The hub refused the enrolment: The hub refused this client: …").

describe('an enrolment code the hub does not know', { timeout: 120_000 }, () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('is refused with the hub’s own reason, said once', async () => {
    const hubDir = tempDir('swdesk-hub-');
    const deskDir = tempDir('swdesk-desk-');
    cleanups.push(hubDir.cleanup, deskDir.cleanup);
    const hub: Running = await startHub(hubDir.dir, 0, {});
    cleanups.push(() => hub.stop());
    const { app } = browserDesk(deskDir.dir, 'correct horse battery');
    cleanups.push(() => app.close());

    const result = await app.dispatch('sync.connect', { hubUrl: hub.url, enrollmentCode: 'WRONG-CODE-1234' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'HUB_ERROR', reason: 'hub.invalid-enrollment-code' });
    // The renderer words the reason (renderer/i18n/reasons); the English text says it once.
    expect(result.error.message).toMatch(/^The hub does not know this enrolment code/);
    expect(result.error.message).not.toMatch(/refused.*refused/i);
    expect((await app.dispatch('sync.status', {})).ok).toBe(true);
  });
});
