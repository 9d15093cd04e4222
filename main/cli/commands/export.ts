import fs from 'node:fs';
import path from 'node:path';
import type { AppSession } from '../app-session';
import { CallError, openAppSession, writeFileAtomic } from '../app-session';
import type { CliIo, Command } from '../io';
import { CliError, parseOptions } from '../io';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every declaration id in the store, newest first (the list, page by page). */
async function allIds(session: AppSession): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await session.call('declarations.list', { limit: 500, offset, sort: 'createdAt', direction: 'desc' });
    ids.push(...page.items.map((i) => i.id));
    if (page.items.length < 500) return ids;
  }
}

/** A declaration named by its id or its ClientSeqNo. */
async function resolveId(session: AppSession, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const page = await session.call('declarations.list', { text: ref, field: 'clientSeqNo', limit: 2 });
  const match = page.items.find((i) => i.clientSeqNo === ref);
  if (!match) throw new CliError(`There is no declaration ${ref}`);
  return match.id;
}

/**
 * `export <id|ClientSeqNo|--all> --format xml --data <dir> [--out <dir>] [--oper-type C|G]`:
 * writes each declaration as a DecMessage (unsigned, for the e-port client or another tool) named
 * by its ClientSeqNo. Prints a JSON report of the files written.
 */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write declarations as DecMessage XML files',
  usage:
    'export <id|ClientSeqNo|--all> --format xml --data <SW Desk data folder> [--out <folder>] [--oper-type G|C]\n' +
    '  One file per declaration, named <ClientSeqNo>.xml, in --out (default: the current folder).\n' +
    '  --oper-type: DecSign/OperType, G 暂存 (default) or C 申报.',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const all = args.includes('--all');
    const { positional, options } = parseOptions(args.filter((a) => a !== '--all'), ['format', 'data', 'out', 'oper-type']);
    if (all ? positional.length !== 0 : positional.length !== 1) throw new CliError('export takes one declaration (its id or ClientSeqNo) or --all');
    const format = options.format ?? 'xml';
    if (format !== 'xml') throw new CliError(`--format must be xml, not "${format}"`);
    const operType = options['oper-type'] ?? 'G';
    if (operType !== 'G' && operType !== 'C') throw new CliError('--oper-type must be G (暂存) or C (申报)');
    if (!options.data) throw new CliError('export needs --data <folder>: the SW Desk data folder to export from');
    const out = path.resolve(io.cwd, options.out ?? '.');
    if (!fs.existsSync(out) || !fs.statSync(out).isDirectory()) throw new CliError(`--out ${out} is not a folder`);

    const session = openAppSession(path.resolve(io.cwd, options.data), io, { create: false });
    const written: unknown[] = [];
    try {
      const ids = all ? await allIds(session) : [await resolveId(session, positional[0] ?? '')];
      for (const id of ids) {
        const result = await session.call('interchange.exportXml', { id, operType });
        const file = path.join(out, result.fileName);
        writeFileAtomic(file, result.text);
        written.push({ id: result.id, clientSeqNo: result.clientSeqNo, file });
      }
    } catch (error) {
      if (error instanceof CallError) throw new CliError(error.message);
      throw error;
    } finally {
      await session.close();
    }
    io.stdout(`${JSON.stringify({ format, out, written }, null, 2)}\n`);
    return 0;
  },
};
