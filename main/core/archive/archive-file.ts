import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { z } from 'zod';
import { AppError, causeParams } from '../../../shared/api';
import { gzipProblemOf } from '../../../shared/api/reasons/archive';
import { placeDurably } from '../backup/backup-files';

// The archive file: gzip-compressed JSON lines. The first line is a manifest, the last a trailer
// with the number of lines before it and the SHA-256 of their text, so a truncated or altered
// archive is refused before anything is imported.

export const ARCHIVE_FORMAT = 'swdesk-archive';
export const ARCHIVE_VERSION = 1;
/** The suggested file extension (SW Desk eXport). */
export const ARCHIVE_EXTENSION = '.swdx';

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
});
export type ArchiveManifest = z.infer<typeof manifestSchema>;

const trailerSchema = z.object({
  t: z.literal('end'),
  lines: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Writes lines to a gzip file through a temporary name; the file appears only when complete. */
export async function writeArchiveFile(
  file: string,
  manifest: ArchiveManifest,
  records: Iterable<unknown>,
): Promise<{ bytes: number; lines: number }> {
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(partial);
  const piped = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  const hash = crypto.createHash('sha256');
  let lines = 0;
  const write = async (text: string) => {
    hash.update(text).update('\n');
    lines++;
    if (!gzip.write(`${text}\n`)) await once(gzip, 'drain');
  };
  try {
    await write(JSON.stringify(manifest));
    for (const record of records) await write(JSON.stringify(record));
    gzip.end(`${JSON.stringify({ t: 'end', lines, sha256: hash.digest('hex') })}\n`);
    await piped;
    placeDurably(partial, file);
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { bytes: fs.statSync(file).size, lines };
}

/** Reads an archive's lines one at a time (the manifest, then records); the trailer is checked, not returned. */
export async function readArchiveFile(
  file: string,
  onLine: (text: string, lineNo: number) => void | Promise<void>,
): Promise<ArchiveManifest> {
  if (!fs.existsSync(file)) throw new AppError('archive.no-file', { file });
  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  const failed = new Promise<never>((_resolve, reject) => {
    const fail = (error: Error & { code?: unknown }) =>
      reject(new AppError('archive.not-compressed', { file, kind: gzipProblemOf(error), detail: error.message }));
    gunzip.on('error', fail);
    input.on('error', (error) => reject(new AppError('archive.unreadable', { file, ...causeParams(error) })));
  });
  failed.catch(() => undefined);
  const lines = readline.createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const hash = crypto.createHash('sha256');
  let manifest: ArchiveManifest | null = null;
  let count = 0;
  let trailer: z.infer<typeof trailerSchema> | null = null;
  const reading = (async () => {
    for await (const text of lines) {
      if (trailer) throw new AppError('archive.data-after-end', { file });
      if (text.startsWith('{"t":"end"')) {
        const parsed = trailerSchema.safeParse(JSON.parse(text));
        if (!parsed.success) throw new AppError('archive.damaged-end', { file });
        trailer = parsed.data;
        continue;
      }
      count++;
      hash.update(text).update('\n');
      if (count === 1) {
        let parsed: ReturnType<typeof manifestSchema.safeParse>;
        try {
          parsed = manifestSchema.safeParse(JSON.parse(text));
        } catch {
          throw new AppError('archive.no-manifest', { file });
        }
        if (!parsed.success) {
          const version = (() => {
            try {
              return (JSON.parse(text) as { format?: unknown; version?: unknown }).version;
            } catch {
              return undefined;
            }
          })();
          throw typeof version === 'number' && version > ARCHIVE_VERSION
            ? new AppError('archive.too-new', { file, version })
            : new AppError('archive.bad-manifest', { file });
        }
        manifest = parsed.data;
      }
      await onLine(text, count);
    }
  })();
  await Promise.race([reading, failed]);
  if (!manifest) throw new AppError('archive.empty', { file });
  const end = trailer as z.infer<typeof trailerSchema> | null;
  if (!end) throw new AppError('archive.incomplete', { file });
  if (end.lines !== count || end.sha256 !== hash.digest('hex')) {
    throw new AppError('archive.checksum', { file });
  }
  return manifest;
}
