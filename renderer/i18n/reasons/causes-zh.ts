import type { CauseKind } from '../../../shared/api';
import { asCauseKind } from '../../../shared/api';

/** Each kind of failure cause (shared/api/failure-cause.ts) in Chinese; English is the registry's own. */
export const causeZh: Readonly<Record<CauseKind, string>> = {
  'connection-refused': '该地址和端口上没有程序应答',
  'host-not-found': '找不到该主机名',
  'network-unreachable': '从本机无法到达该网络或主机',
  'timed-out': '对方没有及时应答',
  'connection-reset': '对方关闭了连接',
  'bad-port': '该端口不允许用于网络请求',
  tls: '安全连接失败（证书或 TLS）',
  'file-not-found': '文件或文件夹不存在',
  'permission-denied': '没有权限',
  'disk-full': '磁盘已满',
  'read-only': '磁盘或文件是只读的',
  'is-a-directory': '应为文件的位置是一个文件夹',
  'not-a-directory': '应为文件夹的位置是一个文件',
  'file-busy': '文件正被其他程序使用',
  'too-many-files': '打开的文件太多',
  other: '意外错误',
};

/** A `cause` parameter in Chinese ('other' for a kind this version does not know, or `other`'s words for it). */
export function causeInChinese(value: unknown, other?: string): string {
  const kind = asCauseKind(value);
  return kind === 'other' && other !== undefined ? other : causeZh[kind];
}
