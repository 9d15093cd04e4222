import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../../../shared/catalog';
import { builtinCodeTables } from '../../../shared/code-tables/builtin';
import { codeTableDefs, findCodeTable } from '../../../shared/code-tables/tables';
import {
  buildCodeTablePackages,
  builtinDir,
  builtinIndexFile,
  builtinIndexText,
  packageText,
} from '../../../scripts/build-code-tables';
import { codeTablesFixture } from '../../../test-support/main/code-tables';
import { ensureBuiltinTables } from './builtin';

describe('built-in code tables', () => {
  const fixtures: Array<{ close(): void }> = [];
  afterEach(() => fixtures.splice(0).forEach((f) => f.close()));

  it('are what scripts/build-code-tables.ts generates from the npm packages and facts', () => {
    const built = buildCodeTablePackages();
    for (const p of built)
      expect(fs.readFileSync(path.join(builtinDir, `${p.id}.json`), 'utf8'), p.id).toBe(packageText(p));
    expect(
      fs
        .readdirSync(builtinDir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(built.map((p) => `${p.id}.json`).sort());
    expect(fs.readFileSync(builtinIndexFile, 'utf8')).toBe(builtinIndexText(built.map((p) => p.id)));
  });

  it('each have unique codes, a name on every row, and match their registry entry', () => {
    for (const p of builtinCodeTables()) {
      const codes = p.rows.map((r) => r.code ?? '');
      expect(new Set(codes).size, p.id).toBe(codes.length);
      expect(
        codes.every((c) => c !== '' && !/\s/.test(c)),
        p.id,
      ).toBe(true);
      expect(
        p.rows.every((r) => (r.name_zh ?? '') !== '' || (r.name_en ?? '') !== ''),
        p.id,
      ).toBe(true);
      const def = findCodeTable(p.id);
      expect(def, p.id).toBeDefined();
      expect(def?.builtin, p.id).toBe(p.complete ? 'complete' : 'partial');
    }
    const shipped = new Set(builtinCodeTables().map((p) => p.id));
    for (const def of codeTableDefs) expect(shipped.has(def.id), def.id).toBe(def.builtin !== 'none');
  });

  it('cover every code table the catalog names with a registry entry', () => {
    const named = new Set(
      goodsDeclaration.sections.flatMap((s) => s.elements.flatMap((e) => (e.codeTable ? [e.codeTable] : []))),
    );
    for (const id of named) expect(findCodeTable(id), id).toBeDefined();
  });

  it('include the customs names and lists the handbook states', () => {
    const byId = new Map(builtinCodeTables().map((p) => [p.id, new Map(p.rows.map((r) => [r.code, r]))]));
    expect(byId.get('countries')?.get('HKG')?.name_zh).toBe('中国香港');
    expect(byId.get('countries')?.get('ZZZ')?.name_zh).toBe('国(地)别不详');
    expect(byId.get('currencies')?.get('USD')?.name_zh).toBe('美元');
    expect(byId.get('currencies')?.has('XTS')).toBe(false);
    expect(byId.get('transport-modes')?.size).toBe(20);
    expect(byId.get('admin-divisions')?.get('440307')?.name_zh).toBe('龙岗区');
  });

  it('upgrade a built-in table to a new version but never replace an imported one', async () => {
    const f = codeTablesFixture();
    fixtures.push(f);
    const units = builtinCodeTables().find((p) => p.id === 'units');
    const transport = builtinCodeTables().find((p) => p.id === 'transport-modes');
    if (!units || !transport) throw new Error('missing built-ins');
    await f.service.importFile({
      table: 'units',
      content: 'code,name_zh\n035,千克\n007,个\n',
      encoding: 'text',
      fileName: 'units.csv',
    });
    const result = ensureBuiltinTables(f.store, [
      { ...units, version: 'facts-2' },
      { ...transport, version: 'facts-2' },
    ]);
    expect(result.installed).toEqual(['transport-modes']);
    expect(f.store.info('units')).toMatchObject({ origin: 'import', rowCount: 2 });
    expect(f.store.info('transport-modes')).toMatchObject({ origin: 'builtin', version: 'facts-2' });
    expect(ensureBuiltinTables(f.store, [{ ...transport, version: 'facts-2' }]).installed).toEqual([]);
  });
});
