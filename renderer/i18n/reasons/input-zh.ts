import type { ReasonTexts } from '../../../shared/api';
import type { inputReasons } from '../../../shared/api/reasons/input';
import type { inputCheckReasons } from '../../../shared/api/reasons/input-checks';
import { measureOf } from '../../../shared/api/reasons/input-checks';

export const inputZh: ReasonTexts<typeof inputReasons> = {
  'input.hub-url': () => '数据交换中心地址须以 http:// 或 https:// 开头并写明主机（例如 https://hub.example.cn）',
  'input.absolute-path': () => '请填写从磁盘根目录起的完整路径（例如 /home/me/swdesk 或 D:\\swdesk）',
  'input.party-code-length': () => '海关编码为 10 位，统一社会信用代码为 18 位',
  'input.imp-path-required': () => '启用前请先选择 ImpPath 文件夹',
};

type Bound = { origin: string; bound: string };

/** A bound in Chinese: a text's length in characters, a list's items, or a number's value. */
function boundZh(p: Bound, limit: number, side: 'min' | 'max'): string {
  const measure = measureOf(p.origin);
  if (measure === 'value') {
    if (p.bound === 'exact') return `须等于 ${limit}`;
    if (side === 'min') return p.bound === 'exclusive' ? `须大于 ${limit}` : `不能小于 ${limit}`;
    return p.bound === 'exclusive' ? `须小于 ${limit}` : `不能大于 ${limit}`;
  }
  const unit = measure === 'length' ? '个字符' : '项';
  if (p.bound === 'exact') return `须为 ${limit} ${unit}`;
  if (side === 'min') {
    if (p.bound === 'exclusive') return `须多于 ${limit} ${unit}`;
    return limit === 1 && measure === 'length' ? '不能为空' : `至少 ${limit} ${unit}`;
  }
  return p.bound === 'exclusive' ? `须少于 ${limit} ${unit}` : `最多 ${limit} ${unit}`;
}

const expectedZh: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组值',
  date: '日期',
};

const formatZh: Record<string, string> = {
  email: '电子邮件地址',
  url: '网址（URL）',
  uuid: 'UUID',
  datetime: '日期和时间',
  date: '日期',
  time: '时间',
};

export const inputChecksZh: ReasonTexts<typeof inputCheckReasons> = {
  'input.required': () => '必填，请填写',
  'input.wrong-type': (p) => `应为${expectedZh[p.expected] ?? ` ${p.expected} 类型的值`}`,
  'input.too-small': (p) => boundZh(p, p.minimum, 'min'),
  'input.too-big': (p) => boundZh(p, p.maximum, 'max'),
  'input.not-one-of': (p) => `须为以下之一：${p.values}`,
  'input.bad-format': (p) => (formatZh[p.format] ? `不是有效的${formatZh[p.format] ?? ''}` : '格式不符合该项的要求'),
  'input.not-multiple-of': (p) => `须为 ${p.divisor} 的倍数`,
  'input.unknown-keys': (p) => `此操作不接受这些字段：${p.keys}`,
  'input.invalid': () => '该值无法接受',
};
