import ExcelJS from 'exceljs';
import type { LineSource } from '../../shared/api';
import { goodsDeclaration } from '../../shared/catalog';
import { builtinLookup } from '../../main/cli/code-sources';
import { createLinesInterchange } from '../../main/core/interchange/lines-service';
import { builtinFinder } from './code-tables';
import type { CoreFixture } from './core-fixture';

/** The goods-line import on a core fixture, with the goods declaration's catalog and the built-in code tables. */
export function linesInterchange(fx: CoreFixture): ReturnType<typeof createLinesInterchange> {
  return createLinesInterchange(fx.ctx, {
    repo: fx.repo,
    declarations: fx.declarations,
    settings: fx.settings,
    catalog: goodsDeclaration,
    codes: builtinLookup,
    finder: builtinFinder(),
  });
}

/**
 * An XLSX file as the import is handed it: these rows on sheet `sheet` (商品), after a cover sheet
 * 封面 holding one line when `cover` is set, as a packing list often has.
 */
export async function xlsxSource(
  rows: Array<Array<string | number | null>>,
  { sheet = '商品', cover = false }: { sheet?: string; cover?: boolean } = {},
): Promise<LineSource> {
  const workbook = new ExcelJS.Workbook();
  if (cover) workbook.addWorksheet('封面').addRow(['装箱单']);
  const target = workbook.addWorksheet(sheet);
  for (const row of rows) target.addRow(row);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { kind: 'file', fileName: 'goods.xlsx', contentBase64: buffer.toString('base64') };
}
