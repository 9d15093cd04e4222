import type ExcelJS from 'exceljs';
import type { DeclarationSummary, FileOutput, ListQuery } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import type { DocumentCatalog, Row, SectionDef } from '../../../shared/catalog';
import { countriesFromMessage, labelOf } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import { channelInfo, statusName } from '../../../shared/status';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';

/** At most this many declarations go into one list export (a spreadsheet is for reading, not for a backup). */
export const MAX_LIST_EXPORT = 100_000;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Label = { zh: string; en: string };
interface ListColumn {
  id: string;
  label: Label;
  text(item: DeclarationSummary, locale: Locale): string;
}

const L = (zh: string, en: string): Label => ({ zh, en });

export const listExportColumns: readonly ListColumn[] = [
  { id: 'clientSeqNo', label: L('客户端编号', 'Client seq. no.'), text: (i) => i.clientSeqNo },
  {
    id: 'ieFlag',
    label: L('进出口', 'Import/export'),
    text: (i, l) => (i.ieFlag === 'I' ? (l === 'en' ? 'Import' : '进口') : l === 'en' ? 'Export' : '出口'),
  },
  { id: 'status', label: L('状态', 'Status'), text: (i, l) => statusName(i.status, l) },
  {
    id: 'channel',
    label: L('最新回执', 'Last receipt'),
    text: (i, l) =>
      i.channel === null ? '' : `${i.channel} ${channelInfo(i.channel)?.[l === 'en' ? 'en' : 'zh'] ?? ''}`.trim(),
  },
  { id: 'tradeName', label: L('境内收发货人', 'Domestic consignee/consignor'), text: (i) => i.tradeName },
  { id: 'billNo', label: L('提运单号', 'Bill of lading no.'), text: (i) => i.billNo },
  { id: 'contrNo', label: L('合同协议号', 'Contract no.'), text: (i) => i.contrNo },
  { id: 'entryId', label: L('海关编号', 'Customs entry no.'), text: (i) => i.entryId ?? '' },
  { id: 'seqNo', label: L('统一编号', 'Single window seq. no.'), text: (i) => i.seqNo ?? '' },
  { id: 'lineCount', label: L('商品项数', 'Goods lines'), text: (i) => String(i.lineCount) },
  { id: 'createdAt', label: L('创建时间', 'Created'), text: (i) => i.createdAt },
  { id: 'updatedAt', label: L('更新时间', 'Updated'), text: (i) => i.updatedAt },
];

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text (also the party and product libraries' exports). */
export function csv(rows: readonly (readonly string[])[]): string {
  // UTF-8 with a BOM, CRLF: what spreadsheet programs read Chinese from without asking.
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function workbook(): Promise<ExcelJS.Workbook> {
  // exceljs is large: loaded when a spreadsheet is written, never at start-up.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'SW Desk';
  return book;
}

/** A sheet with a bold, frozen, filterable header row and columns wide enough for their text. */
export function addTable(
  book: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const sheet = book.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  header.forEach((h, i) => {
    const width = Math.max(h.length * 2, ...rows.slice(0, 200).map((r) => (r[i] ?? '').length * 1.3), 8);
    sheet.getColumn(i + 1).width = Math.min(60, width);
    // Text, not General: codes keep their leading zeros when the sheet is edited and read again.
    sheet.getColumn(i + 1).numFmt = '@';
  });
  if (header.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
}

export async function xlsxOutput(book: ExcelJS.Workbook, fileName: string): Promise<FileOutput> {
  return {
    fileName,
    mimeType: XLSX_MIME,
    contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
  };
}

export function stamp(now: number): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/**
 * Spreadsheets out: the declaration list as it is filtered (every match, not just the page on
 * screen) to XLSX or CSV, and one declaration to XLSX — a 表头 sheet (field, value, element), a
 * 商品 sheet with one row per line and one sheet per sub-table. Countries on the goods sheet are
 * by meaning (原产国 is where the goods were made, for exports too), and the headers are the
 * catalog's labels, so the goods sheet can be imported into another declaration as it is.
 */
export function createExportService(deps: { repo: DeclarationsRepo; catalog: DocumentCatalog; now: () => number }) {
  const { repo, catalog } = deps;

  function summaries(query: ListQuery): DeclarationSummary[] {
    const out: DeclarationSummary[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = repo.list({ ...query, limit: 500, offset }).items;
      out.push(...page);
      if (page.length < 500) return out;
      if (out.length > MAX_LIST_EXPORT) {
        const max = { max: MAX_LIST_EXPORT };
        throw new AppError('declarations.too-many-to-export', max, [
          reasonIssue('query', 'declarations.too-many-to-export', max),
        ]);
      }
    }
  }

  return {
    async exportList(input: {
      query: ListQuery;
      format: 'xlsx' | 'csv';
      columns?: readonly string[];
      locale: Locale;
    }): Promise<FileOutput> {
      const wanted = input.columns && input.columns.length > 0 ? new Set(input.columns) : null;
      const columns = listExportColumns.filter((c) => !wanted || wanted.has(c.id));
      const items = summaries(input.query);
      const header = columns.map((c) => (input.locale === 'en' ? c.label.en : c.label.zh));
      const rows = items.map((item) => columns.map((c) => c.text(item, input.locale)));
      const base = `${input.locale === 'en' ? 'declarations' : '报关单列表'}-${stamp(deps.now())}`;
      if (input.format === 'csv')
        return {
          fileName: `${base}.csv`,
          mimeType: 'text/csv',
          contentBase64: Buffer.from(csv([header, ...rows]), 'utf8').toString('base64'),
        };
      const book = await workbook();
      addTable(book, input.locale === 'en' ? 'Declarations' : '报关单', header, rows);
      return xlsxOutput(book, `${base}.xlsx`);
    },

    async exportDeclaration(id: string, locale: Locale): Promise<FileOutput> {
      const row = repo.get(id) ?? repo.getByClientSeqNo(id);
      if (!row) throw new AppError('declarations.not-found', { id });
      const doc = repo.loadDoc(row);
      const ie = row.ieFlag;
      const label = (section: string, xml: string) => {
        const def = catalog.sections.find((s) => s.id === section)?.elements.find((e) => e.xml === xml);
        return def ? labelOf(def, locale, ie) : xml;
      };
      const book = await workbook();
      const headSection = catalog.sections.find((s) => s.id === 'head');
      const identity: string[][] = [
        [locale === 'en' ? 'Client seq. no.' : '客户端编号', row.clientSeqNo, 'ClientSeqNo'],
        [locale === 'en' ? 'Status' : '状态', statusName(row.status, locale), ''],
      ];
      const headRows = (headSection?.elements ?? [])
        .filter((e) => (doc.head[e.xml] ?? '') !== '')
        .map((e) => [labelOf(e, locale, ie), doc.head[e.xml] ?? '', e.xml]);
      addTable(
        book,
        locale === 'en' ? 'Head' : '表头',
        locale === 'en' ? ['Field', 'Value', 'Element'] : ['栏目', '内容', '报文元素'],
        [...identity, ...headRows],
      );

      // Goods: the line number, then every element any line has, countries by meaning.
      const lineSection = catalog.sections.find((s) => s.id === 'lines');
      const used = (lineSection?.elements ?? []).filter(
        (e) => e.xml !== 'GNo' && doc.lines.some((l) => (l[e.xml] ?? '') !== ''),
      );
      const countryHeader = (xml: string) =>
        xml === 'OriginCountry'
          ? locale === 'en'
            ? 'Country of origin'
            : '原产国(地区)'
          : locale === 'en'
            ? 'Country of final destination'
            : '最终目的国(地区)';
      const goodsHeader = [
        locale === 'en' ? 'Line no.' : '项号',
        ...used.map((e) =>
          e.xml === 'OriginCountry' || e.xml === 'DestinationCountry' ? countryHeader(e.xml) : labelOf(e, locale, ie),
        ),
      ];
      const goodsRows = doc.lines.map((line, i) => {
        const meaning = countriesFromMessage(ie, line);
        return [
          String(i + 1),
          ...used.map((e) =>
            e.xml === 'OriginCountry'
              ? meaning.origin
              : e.xml === 'DestinationCountry'
                ? meaning.destination
                : (line[e.xml] ?? ''),
          ),
        ];
      });
      addTable(book, locale === 'en' ? 'Goods' : '商品', goodsHeader, goodsRows);

      for (const section of catalog.sections) {
        if (section.id === 'head' || section.id === 'lines') continue;
        const rows: Row[] = doc.tables[section.id] ?? [];
        if (rows.length === 0) continue;
        const elements = section.elements.filter((e: SectionDef['elements'][number]) =>
          rows.some((r) => (r[e.xml] ?? '') !== ''),
        );
        const name = locale === 'en' ? section.en : section.zh;
        addTable(
          book,
          name,
          elements.map((e) => label(section.id, e.xml)),
          rows.map((r) => elements.map((e) => r[e.xml] ?? '')),
        );
      }
      return xlsxOutput(book, `${row.clientSeqNo}.xlsx`);
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
