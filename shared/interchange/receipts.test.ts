import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import { goodsDeclaration } from '../catalog';
import { importedDoc, messageDocFor } from './message-doc';
import { parseNoticeDate, parseReceipt } from './receipts';

function refused(text: string): AppError {
  try {
    parseReceipt(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('receipts', () => {
  it('reads a successful and a failed DecImportResponse', () => {
    const ok = parseReceipt(`<?xml version="1.0" encoding="UTF-8"?>
      <DecImportResponse xmlns="http://www.chinaport.gov.cn/dec"><ResponseCode>0</ResponseCode><ErrorMessage/>
      <ClientSeqNo>SW261122ABCDEFGHJK</ClientSeqNo><SeqNo>I20261122000000123</SeqNo><TrnPreId/></DecImportResponse>`);
    expect(ok).toEqual([
      {
        kind: 'import-response',
        clientSeqNo: 'SW261122ABCDEFGHJK',
        seqNo: 'I20261122000000123',
        entryId: null,
        channel: '0',
        note: '',
        noticeDate: '',
        noticeDateRaw: '',
        fields: { ResponseCode: '0', TrnPreId: '' },
      },
    ]);
    const failed = parseReceipt(
      `<DecImportResponse><ResponseCode>1</ResponseCode><ErrorMessage>表头[毛重]不能为空</ErrorMessage><ClientSeqNo>SW1</ClientSeqNo></DecImportResponse>`,
    );
    expect(failed[0]).toMatchObject({ channel: '1', note: '表头[毛重]不能为空', seqNo: null, clientSeqNo: 'SW1' });
  });

  it('reads DEC_DATA with SEQ_NO or CUS_CIQ_NO, both NOTICE_DATE forms, and keeps unknown CHANNEL codes', () => {
    const older =
      parseReceipt(`<DEC_DATA><DEC_RESULT><SEQ_NO>I20261122000000123</SEQ_NO><ENTRY_ID>220120261000012345</ENTRY_ID>
      <NOTICE_DATE>20261122T15032250</NOTICE_DATE><CHANNEL>L</CHANNEL><NOTE>海关入库成功</NOTE><DECL_PORT>2201</DECL_PORT><NEW_THING>x</NEW_THING>
      </DEC_RESULT><RESULT_INFO>请等待审核</RESULT_INFO></DEC_DATA>`);
    expect(older).toEqual([
      {
        kind: 'business',
        clientSeqNo: null,
        seqNo: 'I20261122000000123',
        entryId: '220120261000012345',
        channel: 'L',
        note: '海关入库成功\n请等待审核',
        noticeDate: '2026-11-22T07:03:22.500Z',
        noticeDateRaw: '20261122T15032250',
        fields: { DECL_PORT: '2201', NEW_THING: 'x' },
      },
    ]);
    const newer = parseReceipt(`<DEC_DATA><DEC_RESULT><CUS_CIQ_NO>I20261122000000124</CUS_CIQ_NO><CHANNEL>Sp1</CHANNEL>
      <NOTICE_DATE>2026-11-22 15:03:22</NOTICE_DATE><CLIENTSEQ_NO>SW2</CLIENTSEQ_NO></DEC_RESULT></DEC_DATA>`);
    expect(newer[0]).toMatchObject({
      seqNo: 'I20261122000000124',
      channel: 'Sp1',
      clientSeqNo: 'SW2',
      noticeDate: '2026-11-22T07:03:22.000Z',
      note: '',
    });
    // Case matters: c (CIQ withdrawal) is not C (inspection).
    expect(parseReceipt('<DEC_DATA><DEC_RESULT><CHANNEL>c</CHANNEL></DEC_RESULT></DEC_DATA>')[0]?.channel).toBe('c');
  });

  it('reads NOTICE_DATE in every form producers write, China time when no zone is given', () => {
    expect(parseNoticeDate('20180208T15032200')).toBe('2018-02-08T07:03:22.000Z');
    expect(parseNoticeDate('20180208150322')).toBe('2018-02-08T07:03:22.000Z');
    expect(parseNoticeDate('20180208')).toBe('2018-02-07T16:00:00.000Z');
    expect(parseNoticeDate('2018-02-08T15:03:22')).toBe('2018-02-08T07:03:22.000Z');
    expect(parseNoticeDate('2018-02-08T15:03:22.123+08:00')).toBe('2018-02-08T07:03:22.123Z');
    expect(parseNoticeDate('2018-02-08T07:03:22Z')).toBe('2018-02-08T07:03:22.000Z');
    expect(parseNoticeDate('2018-02-08 15:03')).toBe('2018-02-08T07:03:00.000Z');
    expect(parseNoticeDate('yesterday')).toBe('');
    expect(parseNoticeDate('20181399T250000')).toBe('');
  });

  it('refuses what is not a receipt, with the reason', () => {
    expect(refused('<DEC_DATA><DEC_RESULT><NOTE>x</NOTE></DEC_RESULT></DEC_DATA>').issues?.[0]?.code).toBe(
      'receipts.no-channel',
    );
    expect(refused('<DEC_DATA/>').issues?.[0]?.code).toBe('receipts.no-result');
    expect(refused('<DecImportResponse/>').issues?.[0]?.code).toBe('receipts.no-response-code');
    expect(refused('<DecMessage/>').message).toContain('not a receipt');
    expect(refused('<DEC_DATA><DEC_RESULT>').issues?.[0]?.code).toBe('receipts.not-well-formed');
  });
});

describe('message document', () => {
  it('writes the record identifiers into the message and leaves the signature empty', () => {
    const doc = {
      head: { IEFlag: 'I', TypistNo: '8930000012345', CopCode: '31224800X', InputerName: '李四' },
      lines: [{ GNo: '1', GName: 'x' }],
      tables: { sign: [{ Sign: 'old', DomainId: '1' }] },
    };
    const out = messageDocFor(doc, { ieFlag: 'I', clientSeqNo: 'SW1', seqNo: 'I1', entryId: null, operType: 'C' });
    expect(out.head.SeqNo).toBe('I1');
    expect(out.lines).toEqual([{ GName: 'x' }]);
    expect(out.tables.sign).toEqual([
      {
        DomainId: '1',
        OperType: 'C',
        ICCode: '8930000012345',
        CopCode: '31224800X',
        OperName: '李四',
        ClientSeqNo: 'SW1',
      },
    ]);
    const back = importedDoc(out);
    expect(back).toMatchObject({ clientSeqNo: 'SW1', seqNo: 'I1', entryId: null });
    expect(back.doc.tables.sign).toEqual([
      { DomainId: '1', OperType: 'C', ICCode: '8930000012345', CopCode: '31224800X', OperName: '李四' },
    ]);
    expect(goodsDeclaration.sections.find((s) => s.id === 'sign')?.elements.some((e) => e.xml === 'ClientSeqNo')).toBe(
      true,
    );
  });
});
