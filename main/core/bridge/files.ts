import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Writes `content` under `dir/name` whole or not at all: a temporary file in `staging`, flushed, then renamed. */
export function writeAtomic(staging: string, dir: string, name: string, content: string | Uint8Array): void {
  fs.mkdirSync(staging, { recursive: true });
  const temp = path.join(staging, `${name}.${process.pid}.${Date.now()}.part`);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, path.join(dir, name));
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Moves a file, across file systems too (copy, flush, then remove); never overwrites: a taken name gets a suffix.
 * Returns where it went.
 */
export function moveFile(from: string, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const ext = path.extname(from);
  const base = path.basename(from, ext);
  let target = path.join(dir, `${base}${ext}`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${base}.${n}${ext}`);
  try {
    fs.renameSync(from, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.copyFileSync(from, target, fs.constants.COPYFILE_EXCL);
    fs.rmSync(from);
  }
  return target;
}

/** Regular files in a folder, oldest first (by modification time, then name); none when the folder is missing. */
export function listFiles(dir: string): Array<{ name: string; file: string; mtimeMs: number; size: number }> {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: Array<{ name: string; file: string; mtimeMs: number; size: number }> = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const file = path.join(dir, name);
    try {
      const stat = fs.statSync(file);
      if (stat.isFile()) out.push({ name, file, mtimeMs: stat.mtimeMs, size: stat.size });
    } catch {
      // Gone between listing and stat: the e-port client moved it.
    }
  }
  return out.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A folder exists and this process may create files in it. */
export function isWritableDir(dir: string): boolean {
  try {
    if (!fs.statSync(dir).isDirectory()) return false;
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where a file handed to the e-port client is: taken (in SentBox), still waiting (in OutBox), or in neither. */
export function handedOver(folders: { outBox: string; sentBox: string }, name: string): 'taken' | 'waiting' | 'gone' {
  if (fs.existsSync(path.join(folders.sentBox, name))) return 'taken';
  return fs.existsSync(path.join(folders.outBox, name)) ? 'waiting' : 'gone';
}
