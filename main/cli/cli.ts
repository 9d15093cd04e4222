// `npm run cli -- <command> …`: the core without a window, for batch work and scripts.
import { pathToFileURL } from 'node:url';
import { commands } from './commands';
import type { CliIo } from './io';
import { CliError } from './io';

function usage(): string {
  return [
    'Usage: npm run cli -- <command> [arguments]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    "npm run cli -- help <command> shows a command's options.",
  ].join('\n');
}

/** Runs one command line; returns the exit code. Refusals go to stderr with code 2. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const command = commands.find((c) => c.name === args[0]);
    io.stdout(`${command ? `Usage: npm run cli -- ${command.usage}` : usage()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}".\n${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${command.name}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`${command.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  now: () => new Date(),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2), processIo);
}
