/** What a command may touch of the outside world, so tests run commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  now(): Date;
}

/** A refusal a command reports on stderr with exit code 2 (bad usage or unreadable input). */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Splits `--name value` options (and `--name=value`) from positional arguments; unknown options are refused. */
export function parseOptions(
  args: readonly string[],
  known: readonly string[],
): { positional: string[]; options: Record<string, string> } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name))
      throw new CliError(`Unknown option --${name} (known: ${known.map((k) => `--${k}`).join(', ')})`);
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new CliError(`Option --${name} needs a value`);
    options[name] = value;
  }
  return { positional, options };
}
