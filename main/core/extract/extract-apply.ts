import type { LineImportReport, MethodParsedInput, PatchOp } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { Row } from '../../../shared/catalog';
import type { ProposedLineField } from '../../../shared/extract/document';
import type { LineMapping, SourceLine } from '../../../shared/interchange/lines';
import { isEditable } from '../../../shared/status';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { ExtractUndosRepo } from '../../db/repositories/extract-undos-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { DeclarationService } from '../declarations/declaration-service';
import type { LinesInterchange } from '../interchange/lines-service';
import type { ExtractJobs } from './extract-jobs';

/**
 * Where a proposed value goes on the goods line. The English name is the line's 货物英文名称; a line has no weights of
 * its own (the packing list's weights reach the head's 毛重/净重 as totals), so those stay in the review.
 */
const LINE_FIELD: Record<ProposedLineField, string | null> = {
  GName: 'GName',
  GNameEn: 'DeclGoodsEname',
  GModel: 'GModel',
  GQty: 'GQty',
  GUnit: 'GUnit',
  DeclPrice: 'DeclPrice',
  DeclTotal: 'DeclTotal',
  TradeCurr: 'TradeCurr',
  OriginCountry: 'OriginCountry',
  NetWt: null,
  GrossWt: null,
  CodeTS: 'CodeTS',
};

function lineRow(values: Partial<Record<ProposedLineField, string>>): Row {
  const row: Row = {};
  for (const [field, value] of Object.entries(values) as [ProposedLineField, string | undefined][]) {
    const target = LINE_FIELD[field];
    if (target !== null && value !== undefined && value.trim() !== '') row[target] = value.trim();
  }
  return row;
}

/**
 * Accepting what an extraction proposed: the accepted lines and the chosen head values written in one revision
 * through the write path of an imported sheet (codes mapped, every line checked, nothing written when one fails),
 * and that revision taken back whole by undo while nothing else changed the declaration since. What undoes it is
 * stored with the write, in its transaction, so 撤销 is still offered (in any window) after the program restarts.
 */
export function createExtractApply(
  ctx: CoreContext,
  deps: {
    repo: DeclarationsRepo;
    undos: ExtractUndosRepo;
    declarations: DeclarationService;
    lines: LinesInterchange;
    jobs: ExtractJobs;
  },
) {
  const { undos } = deps;

  function editable(id: string) {
    const row = deps.repo.get(id);
    if (!row) throw new AppError('declarations.not-found', { id });
    if (!isEditable(row.workflow, row.channel))
      throw new AppError('declarations.not-editable', { seqNo: row.clientSeqNo });
    return row;
  }

  return {
    apply(input: MethodParsedInput<'extract.apply'>): LineImportReport {
      const job = deps.jobs.finished(input.jobId);
      const row = editable(input.id);
      if (job.declarationId !== row.id)
        throw new AppError('extract.other-declaration', { jobId: input.jobId, seqNo: row.clientSeqNo });
      if (row.revision !== input.baseRevision)
        throw new AppError('extract.changed-since-read', {
          seqNo: row.clientSeqNo,
          revision: row.revision,
          base: input.baseRevision,
        });
      const doc = deps.repo.loadDoc(row);
      const head = Object.entries(input.head).filter(
        (e): e is [string, string] => e[1] !== undefined && e[1].trim() !== '' && e[1] !== (doc.head[e[0]] ?? ''),
      );
      const lines: SourceLine[] = input.lines
        .map((l, i) => ({ source: i + 1, row: lineRow(l.values) }))
        .filter((l) => Object.keys(l.row).length > 0);
      if (lines.length === 0 && head.length === 0) throw new AppError('extract.nothing-accepted');

      const headOps: PatchOp[] = head.map(([field, value]) => ({
        op: 'set',
        path: `head.${field}`,
        value: value.trim(),
      }));
      // The reverse edit: the head values as they were, then the appended lines removed from the last.
      const revert: PatchOp[] = [
        ...head.map(([field]): PatchOp => ({ op: 'set', path: `head.${field}`, value: doc.head[field] ?? '' })),
        ...lines.map((_l, k): PatchOp => ({
          op: 'removeRow',
          table: 'lines',
          index: doc.lines.length + lines.length - 1 - k,
        })),
      ];
      const fields = [...new Set(lines.flatMap((l) => Object.keys(l.row)))];
      const mapping: LineMapping = {
        sheet: null,
        headerRow: 0,
        columns: fields.map((target, index) => ({ index, header: target, target })),
      };
      const fileNames = job.files.map((f) => f.fileName).join(', ');
      // The lines, the head values and what reverts them are stored together or not at all.
      return ctx.db.transaction(() => {
        const report = deps.lines.writeLines({
          declarationId: row.id,
          baseRevision: row.revision,
          lines,
          mapping,
          fileName: fileNames,
          headOps,
        });
        if (report.written && report.revision !== null)
          undos.put({
            declarationId: row.id,
            revision: report.revision,
            ops: revert,
            lines: report.imported,
            fileNames,
            writtenAt: isoAt(ctx.clock),
          });
        return report;
      })();
    },

    /**
     * The declaration's last write of accepted document lines that 撤销 may still take back, or null. `current` is false
     * once something else changed the declaration: undo is then refused, saying so.
     */
    lastWrite(input: MethodParsedInput<'extract.lastWrite'>) {
      const row = deps.repo.get(input.id);
      const kept = row ? undos.get(row.id) : undefined;
      if (!row || !kept || !isEditable(row.workflow, row.channel)) return null;
      const { revision, lines, fileNames, writtenAt } = kept;
      return { revision, lines, fileNames, writtenAt, current: row.revision === revision };
    },

    undo(input: MethodParsedInput<'extract.undo'>) {
      const row = editable(input.id);
      const kept = undos.get(row.id);
      if (!kept || kept.revision !== input.revision)
        throw new AppError('extract.nothing-to-undo', { seqNo: row.clientSeqNo, revision: input.revision });
      if (row.revision !== kept.revision) {
        // Revisions only grow: this write can never be undone here again, so it is no longer offered.
        undos.remove(row.id);
        throw new AppError('extract.changed-since-apply', {
          seqNo: row.clientSeqNo,
          revision: row.revision,
          applied: kept.revision,
        });
      }
      return ctx.db.transaction(() => {
        const result = deps.declarations.update({ id: row.id, baseRevision: kept.revision, ops: kept.ops });
        undos.remove(row.id);
        return result;
      })();
    },
  };
}

export type ExtractApply = ReturnType<typeof createExtractApply>;
