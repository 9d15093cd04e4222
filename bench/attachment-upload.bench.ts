// 随附单据 files: ten 4 MB PDFs attached to one declaration (checked, hashed, kept in the data folder), then the
// declaration declared and synced to a hub process on loopback — the files uploaded in 1 MiB signed chunks before
// the submission — until it is released. No budget is set for it (reported, not held).
import { samplePdf } from '../test-support/shared/pdf';
import type { BenchResult } from './harness';
import { round } from './harness';
import { withSyncDesk } from './sync-desk';

const FILE_BYTES = 4_000_000;
const TYPES = ['00000001', '00000002', '00000003', '00000004', '00000005', '00000006', '00000007', '00000008'];
const MORE = ['00000009', '10000002'];

export function run(): Promise<BenchResult[]> {
  return withSyncDesk(1, async ({ call, createSample, syncAll }) => {
    const id = await createSample();
    const files = [...TYPES, ...MORE].map((code) => ({
      code,
      base64: Buffer.from(samplePdf({ text: `document ${code}`, size: FILE_BYTES })).toString('base64'),
    }));
    const attachStart = performance.now();
    for (const file of files)
      await call('attachments.attach', {
        id,
        edocCode: file.code,
        fileName: `${file.code}.pdf`,
        contentBase64: file.base64,
      });
    const attachMs = performance.now() - attachStart;
    await call('declarations.declare', { id });

    const { acceptedMs, releasedMs } = await syncAll(1, 'the declaration released');
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
          'released s': round(releasedMs / 1000, 2),
        },
        budget: 'none set (reported)',
        pass: true,
      },
    ];
  });
}
