import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogFiles } from './log-file';
import { tempDir } from '../../test-support/main/temp-dir';

describe('log files', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  function temp() {
    const t = tempDir();
    cleanups.push(t.cleanup);
    return t.dir;
  }

  it('writes one JSON object per line and rotates by size, keeping a fixed number of files', () => {
    const dir = temp();
    const logs = createLogFiles(dir, { maxBytes: 400, keep: 2 });
    for (let i = 0; i < 30; i++) logs.logger.info('a line long enough to fill the file quickly', { i });
    logs.close();
    const files = fs.readdirSync(path.join(dir, 'logs')).sort();
    expect(files).toEqual(['swdesk.1.log', 'swdesk.2.log', 'swdesk.log']);
    for (const file of files) {
      expect(fs.statSync(path.join(dir, 'logs', file)).size).toBeLessThanOrEqual(400);
      for (const line of fs
        .readFileSync(path.join(dir, 'logs', file), 'utf8')
        .trim()
        .split('\n'))
        expect(JSON.parse(line)).toMatchObject({ level: 'info', msg: expect.any(String) });
    }
    const last =
      fs
        .readFileSync(path.join(dir, 'logs', 'swdesk.log'), 'utf8')
        .trim()
        .split('\n')
        .at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ i: 29 });
  });

  it('keeps the latest warnings and errors for diagnostics', () => {
    const logs = createLogFiles(temp());
    logs.logger.info('fine');
    logs.logger.warn('slow statement', { ms: 80 });
    logs.logger.error('sync pass failed', { error: 'boom' });
    expect(logs.recentProblems().map((p) => [p.level, p.msg])).toEqual([
      ['warn', 'slow statement'],
      ['error', 'sync pass failed'],
    ]);
    logs.close();
  });

  it('keeps the problems of the previous run (read back from the log), for diagnostics after a crash', () => {
    const dir = temp();
    const first = createLogFiles(dir);
    first.logger.error('the shell failed to start', { error: 'boom' });
    first.logger.info('fine');
    first.close();
    const second = createLogFiles(dir);
    expect(second.recentProblems().map((p) => p.msg)).toEqual(['the shell failed to start']);
    second.close();
  });

  it('falls back to a temporary folder when the data folder cannot be written, and follows a moved data folder', () => {
    const dir = temp();
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    const fallback = path.join(dir, 'fallback');
    const logs = createLogFiles(path.join(blocker, 'data'), { fallbackDir: fallback });
    logs.logger.info('still logged');
    expect(logs.dir()).toBe(fallback);
    expect(fs.readFileSync(path.join(fallback, 'swdesk.log'), 'utf8')).toContain('still logged');
    logs.moveTo(path.join(dir, 'new-data'));
    logs.logger.info('in the new folder');
    expect(logs.dir()).toBe(path.join(dir, 'new-data', 'logs'));
    expect(fs.readFileSync(path.join(dir, 'new-data', 'logs', 'swdesk.log'), 'utf8')).toContain('in the new folder');
    logs.close();
  });
});
