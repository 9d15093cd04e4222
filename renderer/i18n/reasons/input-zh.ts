import type { ReasonTexts } from '../../../shared/api';
import type { inputReasons } from '../../../shared/api/reasons/input';

export const inputZh: ReasonTexts<typeof inputReasons> = {
  'input.hub-url': () => '数据交换中心地址须以 http:// 或 https:// 开头并写明主机（例如 https://hub.example.cn）',
  'input.absolute-path': () => '请填写从磁盘根目录起的完整路径（例如 /home/me/swdesk 或 D:\\swdesk）',
  'input.party-code-length': () => '海关编码为 10 位，统一社会信用代码为 18 位',
  'input.imp-path-required': () => '启用前请先选择 ImpPath 文件夹',
};
