import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import { parseXml } from '../interchange/xml-tree';
import { parseDecModAnswer, writeDecModMessage } from './dec-mod-xml';

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const decode = (text: string) => new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
const dxp = (inner: string) =>
  `<DxpMsg xmlns="http://www.chinaport.gov.cn/dxp" ver="1.0"><TransInfo><MsgType>DECCUS101</MsgType></TransInfo><Data>${base64(inner)}</Data></DxpMsg>`;

describe('the 修撤单 file and its answers', () => {
  it('reads the answers in the forms of the sourced samples, wrapped in DxpMsg or bare', () => {
    const saved = `<?xml version="1.0" encoding="UTF-8"?><DecModSaveResponse xmlns="http://www.chinaport.gov.cn/dec"><DecModSeqNo>000000000000009172</DecModSeqNo><ResultMessage>0回执</ResultMessage><ResultCode>0</ResultCode></DecModSaveResponse>`;
    expect(parseDecModAnswer(dxp(saved), decode)).toMatchObject({
      kind: 'taken-in',
      modSeqNo: '000000000000009172',
      entryId: null,
    });
    const step = `<DataInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedData><Data><HzApprovalResult><DestResourceId>000000000000008902</DestResourceId><FeedbackResults>S</FeedbackResults><FeedbackTime>2018-10-18 11:17:53</FeedbackTime><ResultNote>海关接收入库成功，等待受理</ResultNote></HzApprovalResult></Data></SignedData></DataInfo>`;
    expect(parseDecModAnswer(dxp(step), decode)).toEqual({
      element: 'HzApprovalResult',
      kind: 'waiting',
      modSeqNo: '000000000000008902',
      entryId: null,
      decSeqNo: null,
      note: '海关接收入库成功，等待受理',
      at: '2018-10-18T03:17:53.000Z',
    });
    const refused = `<DecModSaveResponse><DecModSeqNo/><ResultCode>1</ResultCode><ResultMessage>报关单不存在</ResultMessage><EntryId>222620261000000001</EntryId></DecModSaveResponse>`;
    expect(parseDecModAnswer(refused, decode)).toMatchObject({ kind: 'refused', entryId: '222620261000000001' });
  });

  it('leaves any other document to the receipt reader, and refuses a 修撤单 answer that lacks what it needs', () => {
    expect(parseDecModAnswer('<DEC_DATA><DEC_RESULT><CHANNEL>P</CHANNEL></DEC_RESULT></DEC_DATA>', decode)).toBeNull();
    expect(parseDecModAnswer('<DecModSaveResp', decode)).toBeNull();
    const reasonOf = (text: string) => {
      try {
        parseDecModAnswer(text, decode);
      } catch (error) {
        return error instanceof AppError ? [error.reason, error.params] : error;
      }
      return 'read';
    };
    expect(reasonOf('<DecModSaveResponse><DecModSeqNo>1</DecModSeqNo></DecModSaveResponse>')).toEqual([
      'receipts.decmod-no-field',
      { element: 'DecModSaveResponse', field: 'ResultCode' },
    ]);
    expect(
      reasonOf(
        '<HzApprovalResult><DestResourceId>1</DestResourceId><FeedbackResults>Q</FeedbackResults></HzApprovalResult>',
      ),
    ).toEqual(['receipts.decmod-unknown-result', { element: 'HzApprovalResult', code: 'Q' }]);
  });

  it('writes the head under the root and one Items/Item per changed field, refusing what XML cannot carry', () => {
    const head = {
      DecModType: '1' as const,
      EntryId: '222620261000000001',
      DecSeqNo: 'I20260000000000001',
      CustomsCode: '2201',
      IeFlag: 'I' as const,
      TradeCode: '3101234567',
      TradeName: '上海测试<贸易>有限公司',
      TradeCreditCode: '',
      AgentCode: '',
      AgentName: '',
      AgentCreditCode: '',
      DecModNote: '技术原因',
    };
    const change = {
      no: 1,
      table: 'head' as const,
      row: null,
      fieldCode: 'TradeMode',
      fieldName: '监管方式',
      oldValue: '0110',
      newValue: '0214',
      oldName: '一般贸易',
      newName: '来料加工',
    };
    const root = parseXml(writeDecModMessage({ head, changes: [change], operType: 'C' }));
    expect(root.children.map((c) => c.name).slice(0, 3)).toEqual(['DecModType', 'EntryId', 'CustomsCode']);
    expect(root.children.find((c) => c.name === 'TradeName')?.text).toBe('上海测试<贸易>有限公司');
    const item = root.children.find((c) => c.name === 'Items')?.children[0];
    expect(item?.children.map((c) => [c.name, c.text])).toEqual([
      ['No', '1'],
      ['FieldCode', 'TradeMode'],
      ['FieldName', '监管方式'],
      ['OldValue', '0110'],
      ['NewValue', '0214'],
      ['OldName', '一般贸易'],
      ['NewName', '来料加工'],
    ]);
    expect(() => writeDecModMessage({ head: { ...head, DecModNote: 'a\u0001b' }, changes: [], operType: 'C' })).toThrow(
      AppError,
    );
  });
});
