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
 * `export <id|ClientSeqNo|--all> --format xml|xlsx|csv --data <dir> [--out <dir>] [--oper-type C|G] [--lang zh|en]`:
 * xml writes each declaration as a DecMessage (unsigned, for the e-port client or another tool)
 * named by its ClientSeqNo; xlsx writes one declaration as a workbook, or with --all the
 * declaration list; csv writes the list. Prints a JSON report of the files written.
 */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write declarations as DecMessage XML, or to XLSX/CSV',
  usage:
    'export <id|ClientSeqNo|--all> --format xml|xlsx|csv --data <SW Desk data folder> [--out <folder>] [--oper-type G|C] [--lang zh|en]\n' +
    '  xml: one file per declaration, named <ClientSeqNo>.xml; --oper-type is DecSign/OperType, G 暂存 (default) or C 申报.\n' +
    '  xlsx: one declaration as a workbook (表头, 商品, sub-tables), or with --all the declaration list; csv: the list (--all).\n' +
    '  Files go to --out (default: the current folder).',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const all = args.includes('--all');
    const { positional, options } = parseOptions(
      args.filter((a) => a !== '--all'),
      ['format', 'data', 'out', 'oper-type', 'lang'],
    );
    if (all ? positional.length !== 0 : positional.length !== 1)
      throw new CliError('export takes one declaration (its id or ClientSeqNo) or --all');
    const format = options.format ?? 'xml';
    if (format !== 'xml' && format !== 'xlsx' && format !== 'csv')
      throw new CliError(`--format must be xml, xlsx or csv, not "${format}"`);
    if (format === 'csv' && !all)
      throw new CliError('--format csv writes the declaration list: use --all (one declaration goes to xml or xlsx)');
    const locale = options.lang === 'en' ? 'en' : 'zh-CN';
    if (options.lang !== undefined && options.lang !== 'en' && options.lang !== 'zh')
      throw new CliError('--lang must be zh or en');
    const operType = options['oper-type'] ?? 'G';
    if (operType !== 'G' && operType !== 'C') throw new CliError('--oper-type must be G (暂存) or C (申报)');
    if (!options.data) throw new CliError('export needs --data <folder>: the SW Desk data folder to export from');
    const out = path.resolve(io.cwd, options.out ?? '.');
    if (!fs.existsSync(out) || !fs.statSync(out).isDirectory()) throw new CliError(`--out ${out} is not a folder`);

    const session = openAppSession(path.resolve(io.cwd, options.data), io, { create: false });
    const written: unknown[] = [];
    try {
      if (format !== 'xml') {
        const file = all
          ? await session.call('interchange.exportList', {
              format,
              locale,
              query: { sort: 'createdAt', direction: 'desc' },
            })
          : await session.call('interchange.exportDeclaration', {
              id: await resolveId(session, positional[0] ?? ''),
              format: 'xlsx',
              locale,
            });
        const target = path.join(out, file.fileName);
        writeFileAtomic(target, Buffer.from(file.contentBase64, 'base64'));
        written.push({ file: target });
        io.stdout(`${JSON.stringify({ format, out, written }, null, 2)}\n`);
        return 0;
      }
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
