import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { createTemplatesRepo } from '../../db/repositories/templates-repo';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture, templateServiceOf } from '../../../test-support/main/core-fixture';
import type { TemplateService } from './template-service';
import { templateDoc } from './template-service';

describe('templates', () => {
  let f: CoreFixture;
  let service: TemplateService;
  beforeEach(() => {
    f = coreFixture();
    service = templateServiceOf(f);
  });
  afterEach(() => f.close());

  function filled() {
    const record = f.declarations.create({ ieFlag: 'I' });
    f.declarations.update({
      id: record.id,
      baseRevision: 1,
      ops: [
        { op: 'set', path: 'head.TradeName', value: '上海鲜果贸易有限公司' },
        { op: 'set', path: 'head.EntryId', value: '220120261000000123' },
        { op: 'insertRow', table: 'lines', row: { CodeTS: '0808100000', GName: '鲜苹果', GNo: '1' } },
        { op: 'insertRow', table: 'containers', row: { ContainerId: 'CSQU3054383' } },
        { op: 'set', path: 'freeText[0].VoyNo', value: '012E' },
      ],
    });
    return record;
  }

  it('keeps what the user keyed in and drops what customs, the app and the signer fill', () => {
    const doc = templateDoc(goodsDeclaration, {
      head: { IEFlag: 'I', TradeName: 'x', SeqNo: 'Z1', EntryId: 'E1' },
      lines: [{ GNo: '1', GName: '鲜苹果' }],
      tables: { sign: [{ OperType: 'G', Note: 'n' }], freeText: [{ VoyNo: '012E' }] },
    });
    expect(doc).toEqual({
      head: { TradeName: 'x' },
      lines: [{ GName: '鲜苹果' }],
      tables: { freeText: [{ VoyNo: '012E' }] },
    });
  });

  it('saves a declaration as a template, replaces it under the same name when asked to, and starts a new declaration from it', () => {
    const source = filled();
    const first = service.save({ name: '  鲜苹果进口 ', declarationId: source.id });
    expect(first).toMatchObject({ name: '鲜苹果进口', ieFlag: 'I', lineCount: 1 });
    const again = service.save({ name: '鲜苹果进口', declarationId: source.id, replace: true });
    expect(again.id).toBe(first.id);
    expect(service.list()).toHaveLength(1);

    const created = service.createFromTemplate(first.id);
    expect(created.id).not.toBe(source.id);
    expect(created.clientSeqNo).not.toBe(source.clientSeqNo);
    expect(created.doc).toEqual({
      head: { IEFlag: 'I', TradeName: '上海鲜果贸易有限公司' },
      lines: [{ CodeTS: '0808100000', GName: '鲜苹果' }],
      tables: { containers: [{ ContainerId: 'CSQU3054383' }], freeText: [{ VoyNo: '012E' }] },
    });
    expect(created).toMatchObject({ workflow: 'draft', tradeName: '上海鲜果贸易有限公司', lineCount: 1 });
  });

  it('refuses a second save under a name in use, naming it and changing nothing; with replace it replaces', () => {
    const source = filled();
    const first = service.save({ name: '鲜苹果进口', declarationId: source.id });
    const other = f.declarations.create({ ieFlag: 'E' });
    const stored = () => createTemplatesRepo(f.db).get(first.id);
    const before = stored();
    const announced = f.events.length;
    f.clock.advance(60_000);

    let refusal: unknown;
    try {
      service.save({ name: ' 鲜苹果进口 ', declarationId: other.id, parts: ['head'] });
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).toApiError()).toMatchObject({
      code: 'CONFLICT',
      reason: 'templates.name-taken',
      params: { name: '鲜苹果进口' },
      issues: [expect.objectContaining({ path: 'name' })],
    });
    expect(service.list()).toEqual([first]);
    expect(stored()).toEqual(before);
    expect(f.events).toHaveLength(announced);

    const replaced = service.save({ name: '鲜苹果进口', declarationId: other.id, parts: ['head'], replace: true });
    expect(replaced).toMatchObject({ id: first.id, name: '鲜苹果进口', ieFlag: 'E', lineCount: 0, parts: ['head'] });
    expect(service.list()).toEqual([replaced]);
    expect(stored()?.doc).not.toEqual(before?.doc);
  });

  it('takes names differing only in Latin letter case or surrounding spaces as one, keeping the case typed', () => {
    const source = filled();
    const first = service.save({ name: ' Export FOB ', declarationId: source.id });
    expect(first.name).toBe('Export FOB');
    const other = f.declarations.create({ ieFlag: 'E' });
    // The refusal names the template kept under the name, as it is written.
    expect(() => service.save({ name: 'export fob', declarationId: other.id })).toThrow(
      expect.objectContaining({ reason: 'templates.name-taken', params: { name: 'Export FOB' } }),
    );
    expect(service.list()).toEqual([first]);
    const replaced = service.save({ name: 'export fob ', declarationId: other.id, replace: true });
    expect(replaced).toMatchObject({ id: first.id, name: 'export fob', ieFlag: 'E' });
    expect(service.list()).toEqual([replaced]);
    // Renamed in another case it stays itself; another template may not take its name in any case.
    expect(service.rename(first.id, 'EXPORT FOB').name).toBe('EXPORT FOB');
    const second = service.save({ name: '模板A', declarationId: source.id });
    expect(() => service.save({ name: '模板A ', declarationId: other.id })).toThrow(
      expect.objectContaining({ params: { name: '模板A' } }),
    );
    expect(() => service.rename(second.id, 'Export Fob')).toThrow(
      expect.objectContaining({ reason: 'templates.name-taken', params: { name: 'EXPORT FOB' } }),
    );
    expect(service.list().map((t) => t.name)).toEqual(['EXPORT FOB', '模板A']);
  });

  it('refuses an unknown declaration or template, naming it, and changes nothing', () => {
    const missing = '01a2049e-b64f-7413-8ff9-f1a7a1258340';
    expect(() => service.save({ name: 't', declarationId: missing })).toThrow(AppError);
    expect(() => service.createFromTemplate(missing)).toThrow(new RegExp(missing));
    expect(service.list()).toEqual([]);
    expect(f.repo.list({}).total).toBe(0);
    expect(service.delete(missing)).toEqual({ deleted: 0 });
  });
});
