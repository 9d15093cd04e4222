import fs from 'node:fs';
import path from 'node:path';
import { CallError, openAppSession } from '../app-session';
import type { CliIo, Command } from '../io';
import { CliError, parseOptions } from '../io';

/**
 * `import <file.xml>… --data <dir>`: each DecMessage file becomes a new draft in the app's store
 * (the same path as 导入 in the app). Prints a JSON report; a refused file is reported with the
 * reason (element and line) and leaves nothing behind. Exit code 0 all imported, 1 some refused.
 */
export const importCommand: Command = {
  name: 'import',
  summary: 'import DecMessage XML files as new draft declarations',
  usage:
    'import <file.xml> [more files…] --data <SW Desk data folder>\n  Each file becomes a draft; a refused file is reported and writes nothing. Exit code: 0 all imported, 1 some refused, 2 unusable input.',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positional, options } = parseOptions(args, ['data']);
    if (positional.length === 0) throw new CliError('import takes one or more DecMessage files');
    if (!options.data) throw new CliError('import needs --data <folder>: the SW Desk data folder to import into');
    const files = positional.map((p) => path.resolve(io.cwd, p));
    for (const file of files) {
      if (path.extname(file).toLowerCase() !== '.xml')
        throw new CliError(
          `${file}: only DecMessage XML files can be imported here (goods lines from spreadsheets are imported in the app)`,
        );
      if (!fs.existsSync(file)) throw new CliError(`Cannot read ${file}: no such file`);
    }
    const session = openAppSession(path.resolve(io.cwd, options.data), io, { create: true });
    const imported: unknown[] = [];
    const refused: unknown[] = [];
    try {
      for (const file of files) {
        try {
          const result = await session.call('interchange.importXml', {
            fileName: path.basename(file),
            contentBase64: fs.readFileSync(file).toString('base64'),
          });
          imported.push({ file, ...result });
        } catch (error) {
          if (!(error instanceof CallError)) throw error;
          refused.push({ file, code: error.code, message: error.message, issues: error.issues });
          io.stderr(`import: ${file}: ${error.message}\n`);
        }
      }
    } finally {
      await session.close();
    }
    io.stdout(`${JSON.stringify({ data: path.resolve(io.cwd, options.data), imported, refused }, null, 2)}\n`);
    return refused.length > 0 ? 1 : 0;
  },
};
