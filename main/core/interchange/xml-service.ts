import { v7 as uuidv7 } from 'uuid';
import type { ApiIssue } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import type { DeclarationDoc, DocumentCatalog } from '../../../shared/catalog';
import { importedDoc, messageDocFor, readDecMessage, writeDecMessage } from '../../../shared/interchange';
import type { DeclarationsRepo, StoredDeclaration } from '../../db/repositories/declarations-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';
import { newClientSeqNo } from '../declarations/client-seq-no';
import { decodeXmlBytes } from './decode';

export interface XmlImportResult {
  id: string;
  clientSeqNo: string;
  ieFlag: 'I' | 'E';
  lineCount: number;
  encoding: string;
  /** What was read but not kept as written (unknown elements, renumbered lines, a ClientSeqNo already in use …). */
  warnings: ApiIssue[];
}

/**
 * A ClientSeqNo an imported message may keep: letters and digits, at most 20 — the spec's
 * transcription says 18, and the single window has taken 20 from a broker's system
 * (shared/catalog/calibrations.ts, docs/calibrations.md). Anything else gets a new one of ours.
 */
const CLIENT_SEQ_NO = /^[A-Za-z0-9]{1,20}$/;

/** The file name a message is written under: the ClientSeqNo, which is what brokers search their folders by. */
export function xmlFileName(clientSeqNo: string): string {
  return `${clientSeqNo}.xml`;
}

/**
 * DecMessage files in and out of the store. Import creates a draft from the file in one
 * transaction (its revision says where it came from); export writes the stored declaration
 * with the app's identifiers and an empty signature (see messageDocFor).
 */
export function createXmlInterchange(ctx: CoreContext, deps: { repo: DeclarationsRepo; catalog: DocumentCatalog }) {
  const { repo, catalog } = deps;

  const insert = ctx.db.transaction(
    (input: {
      doc: DeclarationDoc;
      ieFlag: 'I' | 'E';
      clientSeqNo: string;
      seqNo: string | null;
      entryId: string | null;
      fileName: string;
      warnings: number;
    }) => {
      const at = isoAt(ctx.clock);
      const id = uuidv7();
      repo.insert(
        {
          id,
          clientSeqNo: input.clientSeqNo,
          ieFlag: input.ieFlag,
          workflow: 'draft',
          status: 'draft',
          head: JSON.stringify(input.doc.head),
          lineCount: input.doc.lines.length,
          revision: 1,
          createdAt: at,
          updatedAt: at,
        },
        input.doc,
      );
      createLifecycle(repo).begin(id, 'import', {
        at,
        actor: ctx.actor(),
        entryId: input.entryId,
        seqNo: input.seqNo,
        changes: {
          format: 'DecMessage',
          file: input.fileName,
          lines: input.doc.lines.length,
          warnings: input.warnings,
        },
      });
      return id;
    },
  );

  function mustGet(id: string): StoredDeclaration {
    const row = repo.get(id) ?? repo.getByClientSeqNo(id);
    if (!row) throw new AppError('declarations.not-found', { id });
    return row;
  }

  return {
    importXml(bytes: Uint8Array, fileName: string): XmlImportResult {
      const decoded = decodeXmlBytes(bytes);
      const read = readDecMessage(catalog, decoded.text);
      const warnings = [...read.warnings];
      if (decoded.fallback) warnings.unshift(reasonIssue('(file)', 'xml.encoding-guessed'));
      if (decoded.notAsDeclared !== null)
        warnings.unshift(reasonIssue('(file)', 'xml.encoding-not-as-declared', { declared: decoded.notAsDeclared }));
      const imported = importedDoc(read.doc);
      // The message's own ClientSeqNo is kept when it can be (receipts from the official client name
      // it); otherwise a new one is given, and the warning names both.
      const given = imported.clientSeqNo ?? '';
      const problem =
        given === '' ? null : !CLIENT_SEQ_NO.test(given) ? 'replaced' : repo.getByClientSeqNo(given) ? 'in-use' : null;
      const clientSeqNo = given !== '' && problem === null ? given : newClientSeqNo(new Date(ctx.clock.now()));
      if (problem === 'replaced')
        warnings.push(
          reasonIssue('DecMessage/DecSign/ClientSeqNo', 'xml.client-seq-no-replaced', { given, clientSeqNo }),
        );
      if (problem === 'in-use')
        warnings.push(
          reasonIssue('DecMessage/DecSign/ClientSeqNo', 'xml.client-seq-no-in-use', { given, clientSeqNo }),
        );
      const id = insert({
        doc: imported.doc,
        ieFlag: read.ieFlag,
        clientSeqNo,
        seqNo: imported.seqNo,
        entryId: imported.entryId,
        fileName,
        warnings: warnings.length,
      });
      ctx.events.emit('declarations.changed', { ids: [id] });
      return {
        id,
        clientSeqNo,
        ieFlag: read.ieFlag,
        lineCount: imported.doc.lines.length,
        encoding: decoded.encoding,
        warnings,
      };
    },

    /** The stored declaration (by id or ClientSeqNo) as a DecMessage, unsigned; `operType` C 申报 or G 暂存. */
    exportXml(id: string, operType = 'G'): { id: string; clientSeqNo: string; fileName: string; text: string } {
      const row = mustGet(id);
      const doc = messageDocFor(repo.loadDoc(row), {
        ieFlag: row.ieFlag,
        clientSeqNo: row.clientSeqNo,
        seqNo: row.seqNo,
        entryId: row.entryId,
        operType,
      });
      return {
        id: row.id,
        clientSeqNo: row.clientSeqNo,
        fileName: xmlFileName(row.clientSeqNo),
        text: writeDecMessage(catalog, doc),
      };
    },
  };
}

export type XmlInterchange = ReturnType<typeof createXmlInterchange>;
