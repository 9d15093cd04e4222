import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../../../shared/catalog';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture, permissiveCatalog, templateServiceOf } from '../../../test-support/main/core-fixture';
import { liQiang, profilesOf, wangFang } from '../../../test-support/main/profiles';
import type { CoreContext } from '../context';
import type { DeclarationService } from '../declarations/declaration-service';
import { createDeclarationService } from '../declarations/declaration-service';
import { createDeclareAction } from '../declarations/declare';
import { applyProfileFields } from './profile-fields';
import type { ProfileService } from './profile-service';
import { errorOf } from '../../../test-support/main/app-error';

describe('operator profiles', () => {
  let f: CoreFixture;
  let profiles: ProfileService;
  /** The fixture's context, acting as the current profile's operator. */
  let ctx: CoreContext;
  let declarations: DeclarationService;
  beforeEach(() => {
    f = coreFixture();
    ({ profiles, ctx } = profilesOf(f));
    declarations = createDeclarationService(ctx, {
      repo: f.repo,
      receipts: f.receipts,
      catalog: goodsDeclaration,
      fillNew: (doc) => {
        const fields = profiles.declarationFields();
        return fields ? applyProfileFields(doc, fields) : [];
      },
    });
  });
  afterEach(() => f.close());

  it('needs the setup until the first profile exists, which becomes the current one', () => {
    expect(profiles.needsSetup()).toBe(true);
    expect(profiles.actor()).toBe('local');
    const created = profiles.create(wangFang);
    expect(profiles.needsSetup()).toBe(false);
    expect(created).toMatchObject({ current: true, company: wangFang.company, operator: wangFang.operator });
    expect(profiles.actor()).toBe('王芳·8931000012345');
  });

  it('trims the values and upper-cases the codes keyed in lower case', () => {
    const created = profiles.create({
      company: { name: ' 上海捷通报关有限公司 ', customsCode: '3120980123 ', uscc: '91310115ma1h7aaa0f' },
      operator: { name: '王芳 ', icCard: ' 8931000012345' },
    });
    expect(created.company).toEqual(wangFang.company);
    expect(created.operator).toEqual(wangFang.operator);
  });

  it.each([
    ['an empty company name', { company: { ...wangFang.company, name: ' ' } }, 'company.name', 'required'],
    [
      'a company name over 70 bytes',
      { company: { ...wangFang.company, name: '上'.repeat(36) } },
      'company.name',
      'too-long',
    ],
    [
      'a 9-character customs code',
      { company: { ...wangFang.company, customsCode: '312098012' } },
      'company.customsCode',
      'customs-code-format',
    ],
    [
      'a USCC with a letter customs never uses',
      { company: { ...wangFang.company, uscc: '91310115MA1H7AAAOF' } },
      'company.uscc',
      'uscc-format',
    ],
    [
      'a USCC with a wrong check character',
      { company: { ...wangFang.company, uscc: '91310115MA1H7AAA0G' } },
      'company.uscc',
      'uscc-check-digit',
    ],
    [
      'an operator name over 30 bytes',
      { operator: { ...wangFang.operator, name: '王'.repeat(16) } },
      'operator.name',
      'too-long',
    ],
    [
      'an IC card number with punctuation',
      { operator: { ...wangFang.operator, icCard: '8931-0000-1234' } },
      'operator.icCard',
      'ic-card-format',
    ],
    ['an empty IC card number', { operator: { ...wangFang.operator, icCard: '' } }, 'operator.icCard', 'required'],
  ])('refuses %s, naming the field, and saves nothing', (_name, change, path, code) => {
    const error = errorOf(() => profiles.create({ ...wangFang, ...change }));
    expect(error.code).toBe('BAD_INPUT');
    // The check's own code travels as the reason profiles.problem's `problem`, for the UI to word.
    expect(error.issues).toEqual([
      expect.objectContaining({ path, code: 'profiles.problem', params: expect.objectContaining({ problem: code }) }),
    ]);
    expect(error.message.length).toBeGreaterThan(10);
    expect(profiles.list()).toEqual([]);
  });

  it('refuses a second profile with the same IC card number', () => {
    profiles.create(wangFang);
    const error = errorOf(() =>
      profiles.create({ ...liQiang, operator: { name: '李强', icCard: wangFang.operator.icCard } }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.issues?.[0]).toMatchObject({ path: 'operator.icCard', code: 'profiles.card-in-use' });
    expect(profiles.list()).toHaveLength(1);
  });

  it('keeps several operators, switches between them, and refuses to remove the current or the last one', () => {
    const a = profiles.create(wangFang);
    const b = profiles.create({ ...liQiang, makeCurrent: false });
    expect(profiles.list().map((p) => [p.operator.name, p.current])).toEqual([
      ['王芳', true],
      ['李强', false],
    ]);
    expect(errorOf(() => profiles.delete(a.id)).code).toBe('INVALID_STATE');
    profiles.select(b.id);
    expect(profiles.actor()).toBe('李强·8931000067890');
    expect(profiles.delete(a.id)).toEqual({ deleted: 1 });
    expect(errorOf(() => profiles.delete(b.id)).message).toContain('only operator');
    expect(errorOf(() => profiles.select(a.id)).code).toBe('NOT_FOUND');
  });

  it('edits a profile, with the same checks', () => {
    const a = profiles.create(wangFang);
    const edited = profiles.update(a.id, { ...wangFang, operator: { name: '王芳芳', icCard: '8931000012345' } });
    expect(edited.operator.name).toBe('王芳芳');
    expect(
      errorOf(() => profiles.update(a.id, { ...wangFang, company: { ...wangFang.company, customsCode: '' } }))
        .issues?.[0]?.path,
    ).toBe('company.customsCode');
    expect(profiles.list()[0]?.operator.name).toBe('王芳芳');
  });

  it('fills a new declaration from the current profile and records who keyed and who changed it', () => {
    profiles.create(wangFang);
    const record = declarations.create({ ieFlag: 'I' });
    expect(record.doc.head).toMatchObject({
      IEFlag: 'I',
      AgentName: '上海捷通报关有限公司',
      AgentCode: '3120980123',
      AgentCodeScc: '91310115MA1H7AAA0F',
      CopName: '上海捷通报关有限公司',
      CopCode: 'MA1H7AAA0',
      CopCodeScc: '91310115MA1H7AAA0F',
      InputerName: '王芳',
      TypistNo: '8931000012345',
      DeclareName: '王芳',
    });
    expect(record.doc.tables.sign).toEqual([{ ICCode: '8931000012345', OperName: '王芳', CopCode: 'MA1H7AAA0' }]);
    profiles.create({ ...liQiang, makeCurrent: true });
    declarations.update({ id: record.id, baseRevision: 1, ops: [{ op: 'set', path: 'head.BillNo', value: 'COSU1' }] });
    expect(f.repo.revisions(record.id).map((r) => [r.action, r.actor])).toEqual([
      ['create', '王芳·8931000012345'],
      ['edit', '李强·8931000067890'],
    ]);
    expect(f.repo.revisions(record.id)[0]?.changes).toMatchObject({
      ieFlag: 'I',
      fromProfile: expect.arrayContaining(['head.AgentCode', 'sign[0].ICCode']),
    });
    // The stored document reads back the same (the sign block is a row like any other).
    expect(declarations.get(record.id).doc.tables.sign?.[0]?.OperName).toBe('王芳');
  });

  it('records who declared a declaration, which may be another operator than the one who keyed it', async () => {
    // Every requirement off: this is about the record of who acted, not the checks.
    profiles.create(wangFang);
    const record = declarations.create({ ieFlag: 'I' });
    declarations.update({
      id: record.id,
      baseRevision: 1,
      ops: [{ op: 'insertRow', table: 'lines', row: { GName: '鲜苹果' } }],
    });
    profiles.create({ ...liQiang, makeCurrent: true });
    const declare = createDeclareAction(ctx, {
      repo: f.repo,
      outbox: f.outbox,
      keys: f.keys,
      catalog: permissiveCatalog,
      onQueued: () => undefined,
    });
    await declare(record.id);
    expect(f.repo.revisions(record.id).map((r) => [r.action, r.actor])).toEqual([
      ['create', '王芳·8931000012345'],
      ['edit', '王芳·8931000012345'],
      ['declare', '李强·8931000067890'],
    ]);
  });

  it('leaves a new declaration empty before the setup', () => {
    expect(declarations.create({ ieFlag: 'E' }).doc).toEqual({ head: { IEFlag: 'E' }, lines: [], tables: {} });
  });

  it('starts a declaration from a template with the current operator, not the one who saved the template', () => {
    profiles.create(wangFang);
    const templates = templateServiceOf(f, { ctx, declarations });
    const source = declarations.create({ ieFlag: 'I' });
    declarations.update({
      id: source.id,
      baseRevision: 1,
      ops: [{ op: 'set', path: 'head.TradeName', value: '上海鲜果贸易有限公司' }],
    });
    const template = templates.save({ name: '鲜果', declarationId: source.id });
    profiles.create({ ...liQiang, makeCurrent: true });
    const fresh = templates.createFromTemplate(template.id);
    expect(fresh.doc.head).toMatchObject({
      TradeName: '上海鲜果贸易有限公司',
      InputerName: '李强',
      TypistNo: '8931000067890',
      DeclareName: '李强',
      IEFlag: 'I',
    });
  });
});
