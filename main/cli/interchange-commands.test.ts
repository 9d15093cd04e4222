import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../../shared/catalog';
import { readDecMessage, writeDecMessage } from '../../shared/interchange';
import { sampleDeclaration } from '../../shared/validation/sample-declaration';
import { encodeText } from '../core/interchange/decode';
import { entryArgs } from '../../scripts/test-bundles.mjs';
import { cliInProcess } from '../../test-support/main/cli-run';
import { tempDirsPerTest } from '../../test-support/main/cleanups';

function sampleXml(lines = 2, edit: (doc: ReturnType<typeof sampleDeclaration>) => void = () => {}): string {
  const doc = sampleDeclaration(lines);
  for (const line of doc.lines) delete line.GNo;
  edit(doc);
  return writeDecMessage(goodsDeclaration, doc);
}

describe('npm run cli -- import / export / validate with DecMessage XML', () => {
  const dir = tempDirsPerTest();

  it('imports XML files into a data folder and exports them back, one file per declaration', async () => {
    const folder = dir();
    fs.writeFileSync(
      path.join(folder, 'a.xml'),
      `\uFEFF${sampleXml(2, (d) => (d.tables.sign = [{ ClientSeqNo: 'BROKERA001' }]))}`,
    );
    fs.writeFileSync(
      path.join(folder, 'b.xml'),
      encodeText(sampleXml(1).replace('encoding="UTF-8"', 'encoding="GB2312"'), 'gb2312'),
    );
    const imported = await cliInProcess(['import', 'a.xml', 'b.xml', '--data', 'data'], folder);
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout) as {
      imported: Array<{ clientSeqNo: string; lineCount: number; encoding: string }>;
      refused: unknown[];
    };
    expect(report.imported.map((i) => [i.lineCount, i.encoding])).toEqual([
      [2, 'utf-8'],
      [1, 'gb2312'],
    ]);
    expect(report.imported[0]?.clientSeqNo).toBe('BROKERA001');

    fs.mkdirSync(path.join(folder, 'out'));
    const one = await cliInProcess(
      ['export', 'BROKERA001', '--format', 'xml', '--data', 'data', '--out', 'out', '--oper-type', 'C'],
      folder,
    );
    expect(one.code, one.stderr).toBe(0);
    const text = fs.readFileSync(path.join(folder, 'out', 'BROKERA001.xml'), 'utf8');
    const back = readDecMessage(goodsDeclaration, text);
    expect(back.doc.head.AgentName).toBe('上海示例报关有限公司');
    expect(back.doc.tables.sign?.[0]).toMatchObject({ ClientSeqNo: 'BROKERA001', OperType: 'C' });
    expect(text).toContain('<Sign/>');

    const all = await cliInProcess(['export', '--all', '--format', 'xml', '--data', 'data', '--out', 'out'], folder);
    expect(all.code, all.stderr).toBe(0);
    expect(fs.readdirSync(path.join(folder, 'out')).sort()).toEqual(
      [`${report.imported[1]?.clientSeqNo}.xml`, 'BROKERA001.xml'].sort(),
    );
  });

  it('exports a declaration to XLSX and the list to XLSX and CSV', async () => {
    const folder = dir();
    fs.writeFileSync(
      path.join(folder, 'a.xml'),
      sampleXml(2, (d) => (d.tables.sign = [{ ClientSeqNo: 'BROKERX001' }])),
    );
    expect((await cliInProcess(['import', 'a.xml', '--data', 'data'], folder)).code).toBe(0);
    const one = await cliInProcess(['export', 'BROKERX001', '--format', 'xlsx', '--data', 'data'], folder);
    expect(one.code, one.stderr).toBe(0);
    expect(fs.existsSync(path.join(folder, 'BROKERX001.xlsx'))).toBe(true);
    const list = await cliInProcess(['export', '--all', '--format', 'csv', '--data', 'data', '--lang', 'en'], folder);
    expect(list.code, list.stderr).toBe(0);
    const [written] = (JSON.parse(list.stdout) as { written: Array<{ file: string }> }).written;
    const text = fs.readFileSync(written?.file ?? '', 'utf8');
    expect(text).toMatch(/^\uFEFFClient seq\. no\.,Import\/export/);
    expect(text).toContain('BROKERX001,Import,Draft');
    expect((await cliInProcess(['export', '--all', '--format', 'xlsx', '--data', 'data'], folder)).code).toBe(0);
  });

  it('reports a refused file with the reason and imports the others', async () => {
    const folder = dir();
    fs.writeFileSync(path.join(folder, 'good.xml'), sampleXml(1));
    fs.writeFileSync(path.join(folder, 'cut.xml'), sampleXml(1).slice(0, 300));
    const run = await cliInProcess(['import', 'cut.xml', 'good.xml', '--data', 'data'], folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cut\.xml: .*not well-formed XML \(line \d+/);
    // The parser's own words, which the window folds under 详情, follow the sentence for whoever supports the broker.
    expect(run.stderr).toMatch(
      /cut\.xml: .*not well-formed XML \(line \d+, column \d+: an element is not closed\).*\(unclosed tag: \w+\)/,
    );
    const report = JSON.parse(run.stdout) as { imported: unknown[]; refused: Array<{ code: string }> };
    expect(report.imported).toHaveLength(1);
    expect(report.refused).toEqual([expect.objectContaining({ code: 'IMPORT_FAILED' })]);
  });

  it('validates a DecMessage file like a JSON one', async () => {
    const folder = dir();
    fs.writeFileSync(path.join(folder, 'ok.xml'), sampleXml(2));
    fs.writeFileSync(
      path.join(folder, 'bad.xml'),
      sampleXml(1, (d) => (d.head.PackNo = '0')),
    );
    const ok = await cliInProcess(['validate', 'ok.xml'], folder);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const bad = await cliInProcess(['validate', 'bad.xml'], folder);
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as { findings: Array<{ code: string }> }).findings[0]?.code).toBe('pack-no-min');
    fs.writeFileSync(path.join(folder, 'r.xml'), '<DEC_DATA/>');
    const wrongRoot = await cliInProcess(['validate', 'r.xml'], folder);
    expect(wrongRoot.code).toBe(2);
    expect(wrongRoot.stderr).toContain('root element is <DEC_DATA>');
  });

  describe('refuses unusable input with exit code 2', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['import without --data', ['import', 'a.xml'], /needs --data/],
      ['import of a non-XML file', ['import', 'a.json', '--data', 'd'], /only DecMessage XML/],
      ['import of a missing file', ['import', 'nope.xml', '--data', 'd'], /no such file/],
      ['export from a folder without a database', ['export', '--all', '--data', 'empty'], /no SW Desk database/],
      [
        'export in an unknown format',
        ['export', '--all', '--format', 'pdf', '--data', 'd'],
        /--format must be xml, xlsx or csv/,
      ],
      ['export of one declaration as CSV', ['export', 'SW1', '--format', 'csv', '--data', 'd'], /use --all/],
      ['export of nothing', ['export', '--data', 'd'], /one declaration .* or --all/],
    ];
    for (const [what, args, message] of cases) {
      it(what, async () => {
        const folder = dir();
        fs.writeFileSync(path.join(folder, 'a.json'), '{}');
        fs.mkdirSync(path.join(folder, 'empty'));
        const run = await cliInProcess(args, folder);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(fs.existsSync(path.join(folder, 'd', 'swdesk.sqlite'))).toBe(false);
      });
    }
  });

  it('runs as a real process: npm run cli -- import', () => {
    const folder = dir();
    fs.writeFileSync(path.join(folder, 'a.xml'), sampleXml(1));
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const run = spawnSync(
      process.execPath,
      [...entryArgs('cli'), 'import', path.join(folder, 'a.xml'), '--data', path.join(folder, 'data')],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { imported: unknown[] }).imported).toHaveLength(1);
  });
});
