// A stand-in for the official e-port (single window) desktop client, for tests and manual runs:
// it takes each message out of OutBox like the real client (moves it to SentBox, or to FailBox
// when told to refuse it) and writes receipts into InBox — a DecImportResponse with a 统一编号,
// then DEC_DATA receipts for the CHANNELs asked for — in UTF-8 or GB2312. A 修撤单 file (DecModMessage) is answered
// with a DecModSaveResponse, an HzApprovalResult step S and the final HzApprovalResult (Y or N) in the DxpMsg
// envelope of the sourced samples — the forms docs/modify-cancel.md lists; EntryId in the save response and the
// final codes Y/N are our own choice there.
//
//   node --import tsx test-support/main/eport-client.ts <ImpPath> [--channels 7,L,P] [--encoding gb2312] [--fail]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { parseXml } from '../../shared/interchange';
import { encodeText } from '../../main/core/interchange/decode';

export interface EportClientOptions {
  /** CHANNEL codes to answer each accepted message with, in order (after the DecImportResponse). */
  channels?: readonly string[];
  encoding?: 'utf-8' | 'gb2312';
  /** Messages whose ClientSeqNo this returns true for are refused: moved to FailBox with a failed DecImportResponse. */
  refuse?: (clientSeqNo: string) => boolean;
  /** Leave the message in OutBox (a client that is not running). */
  idle?: boolean;
  /** How a 修撤单 is answered (by the EntryId it is about): approved by default. */
  modAnswer?: (entryId: string) => 'approved' | 'refused' | 'returned';
}

export interface HandledMessage {
  file: string;
  clientSeqNo: string;
  seqNo: string | null;
  operType: string;
  sign: string;
  receipts: string[];
  /** For a 修撤单: the 修撤单统一编号 given, and how it was answered. */
  mod?: { entryId: string; modSeqNo: string; answer: 'approved' | 'refused' | 'returned' };
}

function valueOf(xml: string, section: string, element: string): string {
  const root = parseXml(xml);
  const block = root.children.find((c) => c.name === section);
  return block?.children.find((c) => c.name === element)?.text ?? '';
}

let serial = 0;

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The network envelope of the sourced samples: DxpMsg with the Base64 of DataInfo/SignedData/Data/…. */
function dxpWrapped(inner: string): string {
  const dataInfo = `<?xml version="1.0" encoding="utf-8"?><DataInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedData><Data>${inner}</Data><HashSign></HashSign><SignerInfo></SignerInfo></SignedData></DataInfo>`;
  return `<DxpMsg ver="1.0" xmlns="http://www.chinaport.gov.cn/dxp"><TransInfo><MsgType>DECCUS101</MsgType></TransInfo><Data>${base64(dataInfo)}</Data></DxpMsg>`;
}

export function createEportClient(impPath: string, options: EportClientOptions = {}) {
  const dir = (name: string) => path.join(impPath, name);
  for (const name of ['OutBox', 'InBox', 'FailBox', 'SentBox']) fs.mkdirSync(dir(name), { recursive: true });
  const encoding = options.encoding ?? 'utf-8';
  const handled: HandledMessage[] = [];

  function writeReceipt(folder: string, name: string, body: string): string {
    const text = `<?xml version="1.0" encoding="${encoding === 'gb2312' ? 'GB2312' : 'UTF-8'}"?>\n${body}`;
    const file = path.join(dir(folder), name);
    // Written under a temporary name and renamed, as a careful client would (the bridge copes with either).
    fs.writeFileSync(`${file}.tmp`, encoding === 'gb2312' ? encodeText(text, 'gb2312') : Buffer.from(text, 'utf8'));
    fs.renameSync(`${file}.tmp`, file);
    return file;
  }

  function takeDecMod(name: string, xml: string): HandledMessage {
    const root = parseXml(xml);
    const entryId = root.children.find((c) => c.name === 'EntryId')?.text ?? '';
    const answer = options.modAnswer?.(entryId) ?? 'approved';
    serial++;
    const modSeqNo = String(serial).padStart(18, '0');
    const operType = root.children.find((c) => c.name === 'OperType')?.text ?? '';
    const message: HandledMessage = { file: name, clientSeqNo: '', seqNo: null, operType, sign: '', receipts: [] };
    message.mod = { entryId, modSeqNo, answer };
    if (answer === 'returned') {
      fs.renameSync(path.join(dir('OutBox'), name), path.join(dir('FailBox'), `Failed_${name}`));
      message.receipts.push(path.join(dir('FailBox'), `Failed_${name}`));
      return message;
    }
    fs.renameSync(path.join(dir('OutBox'), name), path.join(dir('SentBox'), name));
    const ns = 'xmlns="http://www.chinaport.gov.cn/dec"';
    message.receipts.push(
      writeReceipt(
        'InBox',
        `DecMod_${serial}_0.xml`,
        `<DecModSaveResponse ${ns}><DecModSeqNo>${modSeqNo}</DecModSeqNo><EntryId>${entryId}</EntryId><ResultMessage>0回执</ResultMessage><ResultCode>0</ResultCode></DecModSaveResponse>`,
      ),
    );
    const result = (code: string, note: string) =>
      `<HzApprovalResult><DestResourceId>${modSeqNo}</DestResourceId><FeedbackResults>${code}</FeedbackResults><FeedbackStep>3</FeedbackStep><FeedbackTime>2026-11-22 15:20:00</FeedbackTime><ResultNote>${note}</ResultNote></HzApprovalResult>`;
    message.receipts.push(writeReceipt('InBox', `DecMod_${serial}_1.xml`, result('S', '海关接收入库成功，等待受理')));
    const final = answer === 'approved' ? result('Y', '审核通过') : result('N', '该报关单已进入查验环节，不予修改');
    message.receipts.push(writeReceipt('InBox', `DecMod_${serial}_2.xml`, dxpWrapped(final)));
    return message;
  }

  return {
    handled,
    /** Takes every message now in OutBox; returns what it did. */
    step(): HandledMessage[] {
      if (options.idle) return [];
      const done: HandledMessage[] = [];
      for (const name of fs.readdirSync(dir('OutBox')).sort()) {
        if (!name.endsWith('.xml')) continue;
        const xml = fs.readFileSync(path.join(dir('OutBox'), name), 'utf8');
        if (parseXml(xml).name === 'DecModMessage') {
          const taken = takeDecMod(name, xml);
          handled.push(taken);
          done.push(taken);
          continue;
        }
        const clientSeqNo = valueOf(xml, 'DecSign', 'ClientSeqNo');
        const message: HandledMessage = {
          file: name,
          clientSeqNo,
          seqNo: null,
          operType: valueOf(xml, 'DecSign', 'OperType'),
          sign: valueOf(xml, 'DecSign', 'Sign'),
          receipts: [],
        };
        serial++;
        if (options.refuse?.(clientSeqNo)) {
          fs.renameSync(path.join(dir('OutBox'), name), path.join(dir('FailBox'), `Failed_${name}`));
          message.receipts.push(
            writeReceipt(
              'FailBox',
              `Failed_${clientSeqNo}_${serial}_resp.xml`,
              `<DecImportResponse xmlns="http://www.chinaport.gov.cn/dec"><ResponseCode>1</ResponseCode><ErrorMessage>表头[申报地海关]不能为空</ErrorMessage><ClientSeqNo>${clientSeqNo}</ClientSeqNo></DecImportResponse>`,
            ),
          );
        } else {
          fs.renameSync(path.join(dir('OutBox'), name), path.join(dir('SentBox'), name));
          const seqNo = `I2026${String(serial).padStart(13, '0')}`; // 18 characters, as a 统一编号 is
          message.seqNo = seqNo;
          message.receipts.push(
            writeReceipt(
              'InBox',
              `${clientSeqNo}_${serial}_0.xml`,
              `<DecImportResponse xmlns="http://www.chinaport.gov.cn/dec"><ResponseCode>0</ResponseCode><ErrorMessage>导入成功</ErrorMessage><ClientSeqNo>${clientSeqNo}</ClientSeqNo><SeqNo>${seqNo}</SeqNo><TrnPreId/></DecImportResponse>`,
            ),
          );
          (options.channels ?? []).forEach((channel, i) => {
            const entryId = channel === '7' ? '' : `2201202610${String(serial).padStart(8, '0')}`;
            const note = { '7': '申报成功', L: '海关入库成功', P: '海关已放行', E: '海关退单' }[channel] ?? '其他';
            message.receipts.push(
              writeReceipt(
                'InBox',
                `${clientSeqNo}_${serial}_${i + 1}.xml`,
                `<DEC_DATA><DEC_RESULT><SEQ_NO>${seqNo}</SEQ_NO><ENTRY_ID>${entryId}</ENTRY_ID><NOTICE_DATE>20261122T1503${String(10 + i)}00</NOTICE_DATE><CHANNEL>${channel}</CHANNEL><NOTE>${note}</NOTE><CUSTOM_MASTER>2201</CUSTOM_MASTER></DEC_RESULT></DEC_DATA>`,
              ),
            );
          });
        }
        handled.push(message);
        done.push(message);
      }
      return done;
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { channels: { type: 'string' }, encoding: { type: 'string' }, fail: { type: 'boolean' } },
  });
  const impPath = positionals[0];
  if (!impPath) {
    console.error('usage: eport-client.ts <ImpPath> [--channels 7,L,P] [--encoding gb2312] [--fail]');
    process.exit(2);
  }
  const client = createEportClient(impPath, {
    channels: (values.channels ?? '7,L,P').split(','),
    encoding: values.encoding === 'gb2312' ? 'gb2312' : 'utf-8',
    ...(values.fail ? { refuse: () => true } : {}),
  });
  console.log(`e-port client stand-in watching ${impPath}`);
  setInterval(() => {
    for (const m of client.step()) console.log(`${m.file}: ${m.receipts.length} receipt(s)`);
  }, 500);
}
