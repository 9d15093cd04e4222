import { runCli } from '../../main/cli/cli';
import type { CliIo } from '../../main/cli/io';

/** What a run of the CLI printed on each stream, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI on `args` in this process, from the folder `cwd` and at a clock the tests own (2026-11-22 08:00 UTC),
 * and keeps what it printed.
 */
export async function cliInProcess(args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    now: () => new Date('2026-11-22T08:00:00Z'),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
