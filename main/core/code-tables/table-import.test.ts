import { describe, expect, it } from 'vitest';
import { isReasonKey } from '../../../shared/api';
import { AppError } from '../../../shared/api/errors';
import { codeTablesPerTest } from '../../../test-support/main/code-tables';

// 设置 → 代码表 previews a parameter file before it is imported: what the file holds, every problem by
// line and column, what would change against the table in use. The preview changes nothing, and the
// import takes the whole file or nothing.

describe('a parameter file previewed, then imported whole or not at all', () => {
  const open = codeTablesPerTest();
  const units = (content: string) => ({ table: 'units', content, encoding: 'text' as const, fileName: 'units.csv' });

  it('shows the rows, the columns read, the first rows and the change against the built-in table', async () => {
    const { service } = open();
    const before = service.tables().find((t) => t.id === 'units');
    expect(before).toMatchObject({ origin: 'builtin', rowCount: 124 });
    // 035 as the built-in table has it, 036 renamed, 999 new: the other 122 built-in units would go.
    const builtin035 = service.get({ table: 'units', code: '035' });
    const file = units(
      `代码,名称,name_en\n035,${builtin035?.name_zh},${builtin035?.name_en}\n036,克（新）,Gram\n999,新单位,\n`,
    );
    const preview = await service.preview(file);
    expect(preview).toMatchObject({
      table: 'units',
      fileName: 'units.csv',
      rowCount: 3,
      columns: ['code', 'name_zh', 'name_en'],
      problems: [],
      problemCount: 0,
      diff: { added: 1, removed: 122, changed: 1, unchanged: 1 },
      current: { version: before?.version, origin: 'builtin', rowCount: 124 },
    });
    expect(preview.sample.map((r) => r.code)).toEqual(['035', '036', '999']);
    // Previewing changed nothing; the import then does what the preview said.
    expect(service.tables().find((t) => t.id === 'units')).toEqual(before);
    expect(await service.importFile(file)).toMatchObject({
      rowCount: 3,
      changed: true,
      diff: { added: 1, removed: 122, changed: 1, unchanged: 1 },
    });
    expect(service.get({ table: 'units', code: '036' })?.name_zh).toBe('克（新）');
  });

  it('lists every problem by line and column with a registered reason, and the import then refuses the whole file', async () => {
    const { service } = open();
    const before = service.tables().find((t) => t.id === 'units');
    const file = units('code,name_zh,valid_to\n035,千克,\n035,公斤,\n,克,\n040,,\n998,升,2026-13-40\n');
    const preview = await service.preview(file);
    expect(preview.problemCount).toBe(4);
    expect(preview.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'code', 'duplicate-code'],
      [4, 'code', 'empty-code'],
      [5, 'name_zh', 'no-name'],
      [6, 'valid_to', 'bad-date'],
    ]);
    for (const p of preview.problems) expect(isReasonKey(`codetables.row.${p.code}`)).toBe(true);
    expect(preview.problems[0]?.params).toEqual({ value: '035', first: 2 });

    let refusal: unknown;
    await service.importFile(file).catch((e: unknown) => (refusal = e));
    expect(refusal).toBeInstanceOf(AppError);
    const error = refusal as AppError;
    expect(error.reason).toBe('codetables.not-imported');
    expect(error.params).toEqual({ file: 'units.csv', table: 'units', count: 4 });
    expect(error.issues?.map((i) => [i.path, i.code])).toEqual([
      ['line 3.code', 'codetables.row.duplicate-code'],
      ['line 4.code', 'codetables.row.empty-code'],
      ['line 5.name_zh', 'codetables.row.no-name'],
      ['line 6.valid_to', 'codetables.row.bad-date'],
    ]);
    expect(service.tables().find((t) => t.id === 'units')).toEqual(before);
    expect(service.get({ table: 'units', code: '998' })).toBeNull();
  });

  it('counts every problem of a long file and lists the first 200', async () => {
    const { service } = open();
    const rows = Array.from({ length: 250 }, (_, i) => `${String(i).padStart(3, '0')},`).join('\n');
    const preview = await service.preview(units(`code,name_zh\n${rows}\n`));
    expect(preview.problemCount).toBe(250);
    expect(preview.problems).toHaveLength(200);
    expect(preview.problems[199]?.line).toBe(201);
  });

  it('refuses a file that is not a workbook at the preview, naming it, and changes nothing', async () => {
    const { service } = open();
    const before = service.tables();
    let refusal: unknown;
    await service
      .preview({
        table: 'ports',
        content: Buffer.from('not a zip').toString('base64'),
        encoding: 'base64',
        fileName: 'p.xlsx',
      })
      .catch((e: unknown) => (refusal = e));
    expect((refusal as AppError).reason).toBe('codetables.bad-xlsx');
    expect((refusal as AppError).params).toMatchObject({ file: 'p.xlsx' });
    expect(service.tables()).toEqual(before);
  });
});
