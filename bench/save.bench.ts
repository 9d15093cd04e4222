// Saving a 50-line declaration durably (synchronous=FULL, WAL) through the
// core, as autosave does. Budget (ARCHITECTURE.md): p50 ≤ 2 ms, p99 ≤ 10 ms.
import path from 'node:path';
import { createApp } from '../main/composition';
import { silentLogger } from '../main/logging/logger';
import { createPassphraseProtector } from '../main/core/signing/key-protector';
import { sampleDoc } from '../test-support/main/sync-fixture';
import { tempDir } from '../test-support/main/temp-dir';
import type { BenchResult } from './harness';
import { percentile, round, sample } from './harness';

export async function run(): Promise<BenchResult[]> {
  const temp = tempDir('swdesk-bench-save-');
  const app = createApp({
    dataDir: path.join(temp.dir, 'data'),
    host: 'browser',
    protector: createPassphraseProtector('bench passphrase'),
    logger: silentLogger,
  });
  try {
    const call = async (method: string, input: unknown) => {
      const result = await app.dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as { id: string; revision: number };
    };
    const { ieFlag, doc } = sampleDoc();
    const line = doc.lines[0] ?? {};
    const created = await call('declarations.create', { ieFlag });
    const filled = await call('declarations.update', {
      id: created.id,
      baseRevision: created.revision,
      ops: [
        ...Object.entries(doc.head)
          .filter(([k]) => k !== 'IEFlag')
          .map(([k, v]) => ({ op: 'set', path: `head.${k}`, value: v })),
        ...Array.from({ length: 50 }, (_, i) => ({
          op: 'insertRow',
          table: 'lines',
          row: { ...line, GName: `${line.GName ?? ''}${i}` },
        })),
      ],
    });
    let revision = filled.revision;
    // A field commit on one goods line: what autosave sends on every Enter.
    const fieldSaves = await sample(2_000, async (i) => {
      const saved = await call('declarations.update', {
        id: created.id,
        baseRevision: revision,
        ops: [{ op: 'set', path: `lines[${i % 50}].GQty`, value: String(1000 + i) }],
      });
      revision = saved.revision;
    });
    // Moving a line rewrites the whole goods table (50 rows) in one transaction.
    const tableSaves = await sample(300, async (i) => {
      const saved = await call('declarations.update', {
        id: created.id,
        baseRevision: revision,
        ops: [{ op: 'moveRow', table: 'lines', from: i % 50, to: (i + 7) % 50 }],
      });
      revision = saved.revision;
    });
    const fig = (samples: number[]) => ({ p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)) });
    const field = fig(fieldSaves);
    const table = fig(tableSaves);
    return [
      {
        name: 'save a field of a 50-line declaration durably',
        figures: { 'p50 ms': field.p50, 'p99 ms': field.p99, saves: fieldSaves.length },
        budget: 'p50 ≤ 2 ms, p99 ≤ 10 ms',
        pass: field.p50 <= 2 && field.p99 <= 10,
      },
      {
        name: 'save a 50-line declaration with all goods lines rewritten',
        figures: { 'p50 ms': table.p50, 'p99 ms': table.p99, saves: tableSaves.length },
        budget: 'p50 ≤ 2 ms, p99 ≤ 10 ms',
        pass: table.p50 <= 2 && table.p99 <= 10,
      },
    ];
  } finally {
    await app.close();
    temp.cleanup();
  }
}
