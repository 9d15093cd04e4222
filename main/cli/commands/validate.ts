import path from 'node:path';
import { goodsDeclaration } from '../../../shared/catalog';
import type { CodeLookup, Stage } from '../../../shared/validation';
import { formatFinding, validateDeclaration } from '../../../shared/validation';
import { builtinLookup, lookupFromDatabase, lookupFromDirectory } from '../code-sources';
import { readDeclarationFile } from '../declaration-file';
import type { CliIo, Command } from '../io';
import { CliError, parseOptions } from '../io';

function ymd(date: Date): string {
  return `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * `validate <file> [--stage draft|summary|declare] [--codes <dir> | --data <dir>] [--today yyyyMMdd]`:
 * runs the same checks the app runs before signing and prints the findings as JSON; exits 1
 * when there are errors, 0 when there are none (warnings only), 2 when the input is unusable.
 */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a declaration and print the findings as JSON',
  usage:
    'validate <file.json|file.xml> [--stage draft|summary|declare] [--codes <folder of parameter CSV/XLSX files> | --data <SW Desk data folder>] [--today yyyyMMdd]\n' +
    '  summary checks a 概要申报, the first step of a two-step declaration; declare a whole one or its 完整申报.\n' +
    '  Code tables: the built-in ones, overlaid by the parameter files in --codes (named by table id, e.g. trade-modes.csv, tariff.xlsx),\n' +
    '  or those of the app database in --data. Exit code: 0 no errors, 1 errors found, 2 unusable input.',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positional, options } = parseOptions(args, ['stage', 'codes', 'data', 'today']);
    if (positional.length !== 1) throw new CliError('validate takes exactly one declaration file');
    const stage = (options.stage ?? 'declare') as Stage;
    if (stage !== 'draft' && stage !== 'summary' && stage !== 'declare')
      throw new CliError(`--stage must be draft, summary (概要申报) or declare, not "${options.stage}"`);
    if (options.codes && options.data) throw new CliError('Use either --codes or --data, not both');
    const today = options.today ?? ymd(io.now());
    if (!/^\d{8}$/.test(today)) throw new CliError('--today must be yyyyMMdd');
    const file = path.resolve(io.cwd, positional[0] ?? '');
    const { ieFlag, doc } = readDeclarationFile(file);

    let codes: CodeLookup;
    let close = () => {};
    let codeSource = 'built-in';
    if (options.codes) {
      const dir = path.resolve(io.cwd, options.codes);
      const loaded = await lookupFromDirectory(dir);
      codes = loaded.lookup;
      codeSource = `built-in + ${dir} (${loaded.tables.join(', ') || 'no tables'})`;
    } else if (options.data) {
      const dir = path.resolve(io.cwd, options.data);
      const db = lookupFromDatabase(dir);
      codes = db.lookup;
      close = db.close;
      codeSource = `database ${dir}`;
    } else {
      codes = builtinLookup();
    }

    try {
      const findings = validateDeclaration(doc, { catalog: goodsDeclaration, stage, ieFlag, codes, today });
      const errors = findings.filter((f) => f.severity === 'error').length;
      const report = {
        file,
        stage,
        ieFlag,
        codeTables: codeSource,
        errors,
        warnings: findings.length - errors,
        findings: findings.map((f) => ({
          path: f.path,
          code: f.code,
          severity: f.severity,
          message: formatFinding(goodsDeclaration, f, 'zh-CN', ieFlag),
          messageEn: formatFinding(goodsDeclaration, f, 'en', ieFlag),
          params: f.params,
        })),
      };
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return errors > 0 ? 1 : 0;
    } finally {
      close();
    }
  },
};
