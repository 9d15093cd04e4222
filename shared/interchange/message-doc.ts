import type { DeclarationDoc, Row } from '../catalog';

/** What the app keeps about a declaration outside its document, and puts into the message. */
export interface MessageIdentity {
  ieFlag: 'I' | 'E';
  /** DecSign/ClientSeqNo: ours, the key receipts are matched by. */
  clientSeqNo: string;
  /** 统一编号, once the single window returned one: sent back on every later import. */
  seqNo: string | null;
  entryId: string | null;
  /** DecSign/OperType: C 申报 (declare), G 暂存 (store as a draft on the single window) … */
  operType: string;
}

function compact(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''));
}

/**
 * The document as it goes into a DecMessage file for the e-port client or another tool: the
 * identifiers the app keeps beside the document written into DecHead and DecSign, DecSign's
 * operator fields defaulted from DecHead as the spec says (ICCode = TypistNo, CopCode = CopCode,
 * OperName = InputerName), and the signature left empty — the official client signs with the
 * operator's card (DOMAIN.md §2.1), and our own Ed25519/SM2 signature belongs to the hub channel.
 */
export function messageDocFor(doc: DeclarationDoc, id: MessageIdentity): DeclarationDoc {
  const head: Row = { ...doc.head, IEFlag: id.ieFlag };
  if (id.seqNo && !head.SeqNo) head.SeqNo = id.seqNo;
  if (id.entryId && !head.EntryId) head.EntryId = id.entryId;
  const current = doc.tables.sign?.[0] ?? {};
  const sign = compact({
    ...current,
    OperType: current.OperType || id.operType,
    ICCode: current.ICCode || (head.TypistNo ?? ''),
    CopCode: current.CopCode || (head.CopCode ?? ''),
    OperName: current.OperName || (head.InputerName ?? ''),
    ClientSeqNo: id.clientSeqNo,
    Sign: '',
    SignDate: '',
    Certificate: '',
  });
  return {
    head,
    lines: doc.lines.map((line) => {
      const { GNo: _gNo, ...rest } = line;
      return rest;
    }),
    tables: { ...doc.tables, sign: [sign] },
  };
}

/**
 * The reverse, for a message imported into the app: the identifiers come out of the document
 * (the record keeps them), and so does another operator's signature, which would be wrong on a
 * declaration we sign and send ourselves.
 */
export function importedDoc(doc: DeclarationDoc): {
  doc: DeclarationDoc;
  clientSeqNo: string | null;
  seqNo: string | null;
  entryId: string | null;
} {
  const sign = doc.tables.sign?.[0];
  const tables = { ...doc.tables };
  if (sign) {
    const { ClientSeqNo: _c, Sign: _s, SignDate: _d, Certificate: _cert, ...rest } = sign;
    if (Object.keys(rest).length > 0) tables.sign = [rest];
    else delete tables.sign;
  }
  return {
    doc: { head: doc.head, lines: doc.lines, tables },
    clientSeqNo: sign?.ClientSeqNo ?? null,
    seqNo: doc.head.SeqNo ?? null,
    entryId: doc.head.EntryId ?? null,
  };
}
