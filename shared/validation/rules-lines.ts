import type { DeclarationDoc, Row } from '../catalog';
import { MAX_GOODS_LINES, rowsOf } from '../catalog';
import type { CheckContext, Finding, Rule } from './types';

/** 项号 GNo runs 1, 2, 3 … in line order (the app writes it from the position), and at most 50 lines. */
export const lineNumberRule: Rule = (doc, _ctx, out) => {
  doc.lines.forEach((line, i) => {
    const gNo = line.GNo ?? '';
    if (gNo !== '' && gNo !== String(i + 1))
      out.push({
        path: `lines[${i}].GNo`,
        code: 'gno-sequence',
        severity: 'error',
        params: { expected: i + 1, value: gNo },
      });
  });
  if (doc.lines.length > MAX_GOODS_LINES)
    out.push({
      path: 'lines',
      code: 'too-many-lines',
      severity: 'error',
      params: { max: MAX_GOODS_LINES, actual: doc.lines.length },
    });
};

/** Root tables whose fields name goods lines by number ("1,3" lists or one number). */
const LINE_REFERENCES: ReadonlyArray<readonly [table: string, field: string]> = [
  ['containers', 'GoodsNo'],
  ['edocs', 'GNoStr'],
  ['ecoRelations', 'DecGNo'],
  ['trnContaGoods', 'GNo'],
  ['supplements', 'GNo'],
];

function lineNumbers(value: string): number[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
}

function checkNested(doc: DeclarationDoc, ctx: CheckContext, out: Finding[]): void {
  for (const section of ctx.catalog.sections) {
    const link = section.parent;
    if (!link) continue;
    const rows = rowsOf(doc, section.id);
    if (rows.length === 0) continue;
    const parents = rowsOf(doc, link.section);
    rows.forEach((row, i) => {
      const belongs = parents.some((parent: Row, p) =>
        link.keys.every(([child, key]) =>
          key === '#' ? row[child] === String(p + 1) : (row[child] ?? '') === (parent[key] ?? ''),
        ),
      );
      if (belongs) return;
      const [firstChild] = link.keys[0] ?? [];
      out.push({
        path: `${section.id}[${i}].${firstChild ?? ''}`,
        code: 'no-parent-row',
        severity: 'error',
        params: { table: section.id, parent: link.section },
      });
    });
  }
}

/** Every reference to a goods line names a line that exists; nested rows find the record they belong to. */
export const referenceRules: Rule = (doc, ctx, out) => {
  const count = doc.lines.length;
  for (const [table, field] of LINE_REFERENCES) {
    rowsOf(doc, table).forEach((row, i) => {
      const missing = lineNumbers(row[field] ?? '').filter((n) => n < 1 || n > count);
      if (missing.length > 0)
        out.push({
          path: `${table}[${i}].${field}`,
          code: 'goods-no-unknown',
          severity: 'error',
          params: { missing: missing.join(','), count },
        });
    });
  }
  checkNested(doc, ctx, out);
};

/**
 * The export swap (DOMAIN.md §1.4): on an export line OriginCountry carries the destination and
 * DestinationCountry the origin. China as "origin" in OriginCountry of an export, or as the
 * destination in OriginCountry of an import, is the tell-tale of a swap done the wrong way.
 */
export const countrySwapRule: Rule = (doc, ctx, out) => {
  doc.lines.forEach((line, i) => {
    const o = line.OriginCountry ?? '';
    const d = line.DestinationCountry ?? '';
    if (o === '' || d === '' || o === d) return;
    const suspect = ctx.ieFlag === 'E' ? o === 'CHN' && d !== 'CHN' : d !== 'CHN' && o === 'CHN';
    if (suspect)
      out.push({
        path: `lines[${i}].OriginCountry`,
        code: 'country-swap-suspect',
        severity: 'warning',
        params: { ie: ctx.ieFlag, origin: o, destination: d },
      });
  });
};

/** Attachments a paperless declaration (EntryType M) carries, and the single window's file naming. */
export const attachmentRules: Rule = (doc, ctx, out) => {
  const edocs = rowsOf(doc, 'edocs');
  edocs.forEach((row, i) => {
    const id = row.EdocID ?? '';
    if (id !== '' && row.EdocFomatType === 'US' && !/^\d{4}\d{8}[A-Z]{2}\d{18}\.pdf$/i.test(id)) {
      out.push({ path: `edocs[${i}].EdocID`, code: 'edoc-id-format', severity: 'warning', params: { value: id } });
    }
  });
  if (ctx.stage !== 'declare' || doc.head.EntryType !== 'M') return;
  const codes = new Set(edocs.map((r) => r.EdocCode ?? ''));
  for (const [code, name, nameEn] of [
    ['00000001', '发票', 'invoice'],
    ['00000002', '装箱单', 'packing list'],
  ] as const) {
    if (!codes.has(code))
      out.push({ path: 'head.EntryType', code: 'edoc-missing', severity: 'warning', params: { code, name, nameEn } });
  }
};

/** Dates that cannot be later than today, and the direction of the company statement. */
export const dateAndDirectionRules: Rule = (doc, ctx, out) => {
  const ieDate = doc.head.IEDate ?? '';
  if (ctx.today && ctx.ieFlag === 'I' && /^\d{8}$/.test(ieDate) && ieDate > ctx.today) {
    out.push({ path: 'head.IEDate', code: 'date-in-future', severity: 'error', params: { today: ctx.today } });
  }
  rowsOf(doc, 'promises').forEach((row, i) => {
    const code = row.DeclaratioMaterialCode ?? '';
    const expected = ctx.ieFlag === 'I' ? '101040' : '102053';
    if ((code === '101040' || code === '102053') && code !== expected) {
      out.push({
        path: `promises[${i}].DeclaratioMaterialCode`,
        code: 'promise-direction',
        severity: 'error',
        params: { expected },
      });
    }
  });
};
