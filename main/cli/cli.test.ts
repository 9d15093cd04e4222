import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../shared/validation/sample-declaration';
import { codeTablesDir } from '../../scripts/domain-data';
import { entryArgs } from '../../scripts/test-bundles.mjs';
import { codeTablesFixture, importDomainTables } from '../../test-support/main/code-tables';
import { cliInProcess } from '../../test-support/main/cli-run';
import { tempDirsPerTest } from '../../test-support/main/cleanups';

interface Report {
  errors: number;
  warnings: number;
  findings: Array<{ path: string; code: string; severity: string; message: string; messageEn: string }>;
}

describe('npm run cli -- validate', () => {
  const dir = tempDirsPerTest();
  function write(folder: string, name: string, value: unknown): string {
    const file = path.join(folder, name);
    fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  }

  it('prints no errors and exits 0 for a valid declaration in the app JSON form (with or without the wrapper)', async () => {
    const folder = dir();
    write(folder, 'ok.json', { ieFlag: 'I', doc: sampleDeclaration(3) });
    write(folder, 'bare.json', sampleDeclaration(1));
    for (const name of ['ok.json', 'bare.json']) {
      const run = await cliInProcess(['validate', name], folder);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as Report;
      expect(report).toMatchObject({ errors: 0, warnings: 0, findings: [] });
    }
  });

  it('prints the findings with field paths and zh/en messages, and exits 1 on errors', async () => {
    const folder = dir();
    const doc = sampleDeclaration(1);
    doc.head.GrossWet = '900';
    delete doc.head.TradeMode;
    write(folder, 'bad.json', { ieFlag: 'I', doc });
    const run = await cliInProcess(['validate', 'bad.json'], folder);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.errors).toBe(2);
    expect(report.findings.map((f) => `${f.code}@${f.path}`)).toEqual([
      'required@head.TradeMode',
      'gross-below-net@head.GrossWet',
    ]);
    expect(report.findings[0]?.message).toBe('监管方式：必填，请填写');
    expect(report.findings[0]?.messageEn).toBe('Supervision mode: required — please fill it in');
    const draft = await cliInProcess(['validate', 'bad.json', '--stage', 'draft'], folder);
    expect((JSON.parse(draft.stdout) as Report).findings.map((f) => f.code)).toEqual(['gross-below-net']);
    // A 概要申报 asks 监管方式 too, and its DecHead/Type must say 5 in the third position.
    const summary = await cliInProcess(['validate', 'bad.json', '--stage', 'summary'], folder);
    expect((JSON.parse(summary.stdout) as Report).findings.map((f) => `${f.code}@${f.path}`)).toEqual([
      'required@head.TradeMode',
      'two-step-mode@head.Type',
      'gross-below-net@head.GrossWet',
    ]);
  });

  it('checks against official parameter files in a folder (--codes)', async () => {
    const folder = dir();
    const doc = sampleDeclaration(1);
    doc.head.CustomMaster = '9998';
    // 入境口岸 ships as the 2018 table (partial): a code missing from it is judged only by a complete table.
    doc.head.EntyPortCode = '999998';
    if (doc.lines[0]) doc.lines[0].FirstUnit = '007';
    write(folder, 'd.json', { ieFlag: 'I', doc });
    const builtinOnly = JSON.parse((await cliInProcess(['validate', 'd.json'], folder)).stdout) as Report;
    expect(builtinOnly.findings.map((f) => `${f.code}@${f.path}`)).toEqual([
      'unknown-code@head.CustomMaster',
      'legal-unit-mismatch@lines[0].FirstUnit',
    ]);
    const run = await cliInProcess(['validate', 'd.json', '--codes', codeTablesDir], folder);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as Report).findings.map((f) => `${f.code}@${f.path}`)).toEqual([
      'unknown-code@head.CustomMaster',
      'unknown-code@head.EntyPortCode',
      'legal-unit-mismatch@lines[0].FirstUnit',
    ]);
  });

  it('checks against the code tables of an app database (--data)', async () => {
    const folder = dir();
    const f = codeTablesFixture({ dir: folder });
    await importDomainTables(f.service, ['customs-districts']);
    f.close();
    const doc = sampleDeclaration(1);
    doc.head.CustomMaster = '9998';
    write(folder, 'd.json', { ieFlag: 'I', doc });
    const run = await cliInProcess(['validate', 'd.json', '--data', folder], folder);
    expect((JSON.parse(run.stdout) as Report).findings.map((f) => `${f.code}@${f.path}`)).toEqual([
      'unknown-code@head.CustomMaster',
    ]);
  });

  describe('refuses unusable input on stderr with exit code 2', () => {
    const cases: Array<[string, (folder: string) => string[], RegExp]> = [
      ['a missing file', () => ['validate', 'nope.json'], /Cannot read .*nope\.json/],
      ['malformed JSON', (f) => ['validate', write(f, 'x.json', '{')], /not valid JSON/],
      [
        'a JSON that is not a declaration',
        (f) => ['validate', write(f, 'x.json', { hello: 1 })],
        /not a declaration in the app's JSON form/,
      ],
      [
        'XML without the DecMessage namespace',
        (f) => ['validate', write(f, 'x.xml', '<DecMessage/>')],
        /has no namespace/,
      ],
      [
        'a bad stage',
        (f) => ['validate', write(f, 'x.json', sampleDeclaration(1)), '--stage', 'final'],
        /--stage must be draft, summary \(概要申报\) or declare/,
      ],
      [
        'an unknown option',
        (f) => ['validate', write(f, 'x.json', sampleDeclaration(1)), '--fast', 'yes'],
        /Unknown option --fast/,
      ],
      ['no file', () => ['validate'], /exactly one declaration file/],
      [
        'a database folder without a database',
        (f) => ['validate', write(f, 'x.json', sampleDeclaration(1)), '--data', f],
        /no SW Desk database/,
      ],
      ['an unknown command', () => ['frobnicate'], /Unknown command "frobnicate"/],
    ];
    for (const [what, args, message] of cases) {
      it(what, async () => {
        const folder = dir();
        const run = await cliInProcess(args(folder), folder);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stdout).toBe('');
      });
    }
  });

  it('runs as a real process through npm run cli and sets the exit code', () => {
    const folder = dir();
    const doc = sampleDeclaration(1);
    doc.head.PackNo = '0';
    const bad = write(folder, 'bad.json', { ieFlag: 'I', doc });
    const good = write(folder, 'good.json', { ieFlag: 'I', doc: sampleDeclaration(1) });
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const ok = execFileSync(process.execPath, [...entryArgs('cli'), 'validate', good], {
      cwd: root,
      encoding: 'utf8',
    });
    expect((JSON.parse(ok) as Report).errors).toBe(0);
    const failed = spawnSync(process.execPath, [...entryArgs('cli'), 'validate', bad], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(failed.status).toBe(1);
    expect((JSON.parse(failed.stdout) as Report).findings[0]?.code).toBe('pack-no-min');
    // Two processes, each reading every built-in table (the tariff's 12,030 rows): past 30 s at load 25 here
    // when they ran through tsx.
  }, 90_000);
});
