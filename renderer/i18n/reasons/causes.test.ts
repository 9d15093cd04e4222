import { describe, expect, it } from 'vitest';
import type { ReasonKey, ReasonParams } from '../../../shared/api';
import { protocolEn, refusedStatusEn } from '../../../shared/api/reasons/hub-answers';
import { reasonDetail, reasonText } from '.';
import { protocolZh, refusedStatusZh } from './sync-zh';

/** The program's own English a reason carries: never in either sentence, always in the fold. */
const raw = 'connect ECONNREFUSED 127.0.0.1:8740';

/** Each network and signing reason as the broker reads it, in Chinese and in English (each carries `raw` as well). */
const worded: Array<[ReasonKey, ReasonParams, string, string]> = [
  [
    'sync.hub-unreachable',
    { url: 'http://hub.lan:8740', cause: 'connection-refused' },
    '无法连接数据交换中心 http://hub.lan:8740：该地址和端口上没有程序应答',
    'Cannot reach the hub at http://hub.lan:8740: nothing answers at that address and port',
  ],
  [
    'sync.connection-broke',
    { cause: 'connection-reset' },
    '收到应答之前与数据交换中心的连接中断：对方关闭了连接',
    'The connection to the hub broke before its answer arrived: the other side closed the connection',
  ],
  [
    'sync.hub-refused',
    { status: 409 },
    '数据交换中心拒绝了请求（HTTP 409）：请求与数据交换中心已有的内容冲突',
    'The hub refused the request (HTTP 409): the request conflicts with what the hub already holds',
  ],
  [
    'sync.hub-refused',
    { status: 418 },
    '数据交换中心拒绝了请求（HTTP 418）：没有给出 SW Desk 能识别的理由',
    'The hub refused the request (HTTP 418): it gave no reason SW Desk knows',
  ],
  [
    'hub.protocol',
    { code: 'replayed-nonce' },
    '数据交换中心认为请求格式不正确：数据交换中心已经收到过同一请求。请导出诊断信息（设置）并联系支持',
    'The hub refused the request as malformed: the hub had already received it once. Export the diagnostics (Settings) and contact support',
  ],
  [
    'hub.protocol',
    { code: 'a-code-from-a-newer-hub' },
    '数据交换中心认为请求格式不正确：不是数据交换中心要求的格式。请导出诊断信息（设置）并联系支持',
    'The hub refused the request as malformed: it is not in the form the hub expects. Export the diagnostics (Settings) and contact support',
  ],
  [
    'sync.failed',
    { cause: 'permission-denied' },
    '发送失败：没有权限。如果一再失败，请导出诊断信息（设置）并联系支持',
    'Sending failed: permission denied. If it keeps failing, export the diagnostics (Settings) and contact support',
  ],
  [
    'sync.failed',
    { cause: 'other' },
    '发送失败：SW Desk 内部出错。如果一再失败，请导出诊断信息（设置）并联系支持',
    'Sending failed: an error inside SW Desk. If it keeps failing, export the diagnostics (Settings) and contact support',
  ],
  [
    'keys.unusable',
    { cause: 'file-not-found' },
    '签名密钥无法使用：文件或文件夹不存在',
    'The signing key cannot be used: the file or folder does not exist',
  ],
  [
    'keys.unusable',
    { cause: 'other' },
    '签名密钥无法使用：保存的密钥无法打开（可能已损坏）',
    'The signing key cannot be used: the stored key does not open (it may be damaged)',
  ],
  [
    'codetables.hub-table-bad',
    { table: 'CURRENCY', version: 7, count: 2 },
    '数据交换中心的代码表 CURRENCY 第 7 版未安装：其中的行有 2 处问题；仍使用原有的代码表',
    "The hub's table CURRENCY v7 was not installed: 2 problems in its rows; the table in use stays as it was",
  ],
  [
    'declarations.tax-bill-damaged',
    { seqNo: 'SW261207000001' },
    '报关单 SW261207000001 保存的海关税费单无法读取（数据文件可能被改动过），未显示',
    'The customs tax bill kept for declaration SW261207000001 cannot be read (the data file may have been altered); it is not shown',
  ],
  [
    'declarations.bad-edit',
    {},
    '修改无法应用（程序错误：编辑器发送了报关单中没有的栏目或行）。请导出诊断信息（设置）并联系支持',
    'The edit cannot be applied (a program error: the editor sent a field or row the declaration does not have). Export the diagnostics (Settings) and contact support',
  ],
];

describe('network and signing failures name their cause in the UI language, the raw text only under 详情', () => {
  it.each(worded)('%s %j', (key, particular, zh, en) => {
    const params = { ...particular, detail: raw };
    expect(reasonText('zh-CN', key, params)).toBe(zh);
    expect(reasonText('en', key, params)).toBe(en);
    expect(reasonDetail(key, params)).toBe(raw);
  });

  it('has words for the same hub codes and statuses in both languages', () => {
    expect(Object.keys(protocolZh).sort()).toEqual(Object.keys(protocolEn).sort());
    expect(Object.keys(refusedStatusZh).sort()).toEqual(Object.keys(refusedStatusEn).sort());
  });
});
