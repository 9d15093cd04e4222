import type { ReasonTexts } from '../../../shared/api';
import type { keyReasons } from '../../../shared/api/reasons/keys';
import { causeInChinese } from './causes-zh';

const actionZh: Record<string, string> = { create: '生成签名密钥', sign: '签名', change: '更换签名密钥' };

export const keysZh: ReasonTexts<typeof keyReasons> = {
  'keys.passphrase-required': () => '请输入保护签名密钥的口令',
  'keys.passphrase-required-for': (p) => `请输入保护签名密钥的口令以${actionZh[p.action] ?? p.action}`,
  'keys.passphrase-for-new-key': () => '请输入将用来保护签名密钥的口令',
  'keys.wrong-passphrase': () => '口令不正确，或保存的签名密钥已被改动',
  'keys.damaged': () => '保存的签名密钥已损坏（无法读取）：请在设置中导入或生成密钥',
  'keys.unknown-protection': () => '保存的签名密钥使用了无法识别的保护格式',
  'keys.os-cannot-unlock': () => '操作系统无法解锁签名密钥（数据文件夹是否从其他用户或电脑复制而来？）',
  'keys.none-yet': () => '还没有签名密钥',
  'keys.already-stored': (p) => `密钥 ${p.keyId} 已经保存`,
  'keys.unusable': (p) => `签名密钥无法使用：${causeInChinese(p.cause, '保存的密钥无法打开（可能已损坏）')}`,
  'keys.sm2-format': () => 'SM2 私钥应为 64 位十六进制数字',
  'keys.sm2-invalid': () => '这不是有效的 SM2 私钥（不在 SM2 曲线上）',
  'keys.not-pem': () => '应为 PKCS#8 PEM 格式的 Ed25519 私钥（-----BEGIN PRIVATE KEY-----）',
  'keys.wrong-algorithm': (p) => `这是 ${p.algorithm} 密钥；SW Desk 使用 Ed25519 或 SM2 签名`,
  'keys.not-the-missing-key': (p) => `这个私钥是密钥 ${p.keyId}，而数据需要的是 ${p.needed}；未做任何改动`,
  'keys.keychain-unavailable': () =>
    '签名密钥由操作系统的钥匙串保护，而当前的 SW Desk 无法使用钥匙串（浏览器版没有钥匙串；Linux 上需要运行 GNOME 密钥环或 KWallet 等）。请在 SW Desk 桌面版中打开，或在桌面版中改用口令保护密钥',
  'keys.already-protected': (p) =>
    `所有签名密钥已经由${p.protection === 'safe-storage' ? '操作系统钥匙串' : '口令'}保护`,
  'keys.new-passphrase-required': () => '请设置保护签名密钥的口令（至少 8 个字符）',
};
