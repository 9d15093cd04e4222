import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// 随附单据 bytes in the data folder, named by their SHA-256 (`<dataDir>/attachments/sha256/<hex>.pdf`): the same
// file attached twice is kept once, and a file's name says what it must hash to, so a damaged or altered copy
// is found by reading it.

export function attachmentBlobDir(dataDir: string): string {
  return path.join(dataDir, 'attachments', 'sha256');
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function createBlobStore(dir: string) {
  const fileOf = (sha256: string) => path.join(dir, `${sha256}.pdf`);

  return {
    dir,
    fileOf,
    has(sha256: string): boolean {
      return fs.existsSync(fileOf(sha256));
    },
    /**
     * Keeps the bytes (through a temporary file and a rename, so a crash leaves no half file under a digest's
     * name); `created` says whether they were new here, so a caller whose transaction fails can take them back.
     */
    put(bytes: Uint8Array): { sha256: string; created: boolean } {
      const sha256 = sha256Of(bytes);
      const file = fileOf(sha256);
      if (fs.existsSync(file) && sha256Of(fs.readFileSync(file)) === sha256) return { sha256, created: false };
      fs.mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      fs.writeFileSync(partial, bytes, { flush: true });
      fs.renameSync(partial, file);
      return { sha256, created: true };
    },
    /** The bytes, or null when the file is missing or no longer hashes to its name (altered or damaged). */
    read(sha256: string): Buffer | null {
      const file = fileOf(sha256);
      if (!fs.existsSync(file)) return null;
      const bytes = fs.readFileSync(file);
      return sha256Of(bytes) === sha256 ? bytes : null;
    },
    remove(sha256: string): void {
      fs.rmSync(fileOf(sha256), { force: true });
    },
  };
}

export type BlobStore = ReturnType<typeof createBlobStore>;
