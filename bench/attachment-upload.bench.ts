// 随附单据 files: ten 4 MB PDFs attached to one declaration (checked, hashed, kept in the data folder), then the
// declaration declared and synced to a hub process on loopback — the files uploaded in 1 MiB signed chunks before
// the submission — until it is released. No budget is set for it (reported, not held).
import { enrollCode, startHub } from '../e2e/fixtures/processes';
import { createApp } from '../main/composition';
import { silentLogger } from '../main/logging/logger';
import { createPassphraseProtector } from '../main/core/signing/key-protector';
import { sampleDoc, waitFor } from '../test-support/main/sync-fixture';
import { samplePdf } from '../test-support/shared/pdf';
import { tempDir } from '../test-support/main/temp-dir';
import type { BenchResult } from './harness';
import { round } from './harness';

const FILE_BYTES = 4_000_000;
const TYPES = ['00000001', '00000002', '00000003', '00000004', '00000005', '00000006', '00000007', '00000008'];
const MORE = ['00000009', '10000002'];

export async function run(): Promise<BenchResult[]> {
  const hubDir = tempDir('swdesk-bench-hub-');
  const deskDir = tempDir('swdesk-bench-desk-');
  const hub = await startHub(hubDir.dir, 0, { SWHUB_STEP_DELAY_MS: '0', SWHUB_LOG_LEVEL: 'warn' });
  const app = createApp({
    dataDir: deskDir.dir,
    host: 'browser',
    protector: createPassphraseProtector('bench passphrase'),
    logger: silentLogger,
    sync: {
      push: { batchSize: 100, concurrency: 1, backoff: { baseMs: 100, maxMs: 2_000 } },
      debounceMs: 10,
      timerMs: 1_000,
      longPollSeconds: 5,
      reconnect: { baseMs: 100, maxMs: 1_000 },
    },
  });
  try {
    await app.connectHub(hub.url, enrollCode(hubDir.dir));
    const call = async (method: string, input: unknown) => {
      const result = await app.dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as { id: string; revision: number };
    };
    const { ieFlag, doc } = sampleDoc();
    const ops = [
      ...Object.entries(doc.head)
        .filter(([k]) => k !== 'IEFlag')
        .map(([k, v]) => ({ op: 'set', path: `head.${k}`, value: v })),
      ...doc.lines.map((row) => ({ op: 'insertRow', table: 'lines', row })),
    ];
    const created = await call('declarations.create', { ieFlag });
    await call('declarations.update', { id: created.id, baseRevision: created.revision, ops });
    const files = [...TYPES, ...MORE].map((code) => ({
      code,
      base64: Buffer.from(samplePdf({ text: `document ${code}`, size: FILE_BYTES })).toString('base64'),
    }));
    const attachStart = performance.now();
    for (const file of files)
      await call('attachments.attach', {
        id: created.id,
        edocCode: file.code,
        fileName: `${file.code}.pdf`,
        contentBase64: file.base64,
      });
    const attachMs = performance.now() - attachStart;
    await call('declarations.declare', { id: created.id });

    const count = (sql: string) => (app.db.prepare(sql).get() as { n: number }).n;
    const start = performance.now();
    app.start();
    let acceptedMs = 0;
    await waitFor(
      () => {
        if (acceptedMs === 0 && count(`SELECT count(*) AS n FROM outbox WHERE state = 'accepted'`) === 1)
          acceptedMs = performance.now() - start;
        return count(`SELECT count(*) AS n FROM declarations WHERE channel IN ('P', 'R')`) === 1;
      },
      'the declaration released',
      600_000,
    );
    const totalMs = performance.now() - start;
    const megabytes = (files.length * FILE_BYTES) / 1e6;
    return [
      {
        name: `attach ten 4 MB PDFs to a declaration and sync them to a loopback hub`,
        figures: {
          files: files.length,
          MB: megabytes,
          'attach s': round(attachMs / 1000, 2),
          'attach MB/s': round(megabytes / (attachMs / 1000), 1),
          'uploaded + accepted s': round(acceptedMs / 1000, 2),
          'upload MB/s': round(megabytes / (acceptedMs / 1000), 1),
          'released s': round(totalMs / 1000, 2),
        },
        budget: 'none set (reported)',
        pass: true,
      },
    ];
  } finally {
    await app.close();
    await hub.stop();
    hubDir.cleanup();
    deskDir.cleanup();
  }
}
