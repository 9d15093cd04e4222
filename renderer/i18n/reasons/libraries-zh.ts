import type { ReasonTexts } from '../../../shared/api';
import type { libraryReasons } from '../../../shared/api/reasons/libraries';
import { describeParty } from '../../../shared/api/reasons/libraries';
import { describePartyConflict } from '../../../shared/libraries/party';

const profileFieldZh: Record<string, string> = {
  'company.name': '申报单位名称',
  'company.customsCode': '申报单位海关编码',
  'company.uscc': '申报单位统一社会信用代码',
  'operator.name': '录入员姓名',
  'operator.icCard': 'IC 卡号',
};

function profileProblemZh(p: { problem: string; field: string; max: number }): string {
  const field = profileFieldZh[p.field] ?? p.field;
  const what: Record<string, string> = {
    required: '必须填写',
    'too-long': `过长（最多 ${p.max} 个字节，一个汉字按 2 个计）`,
    'customs-code-format': '应为 10 位海关编码（数字或大写字母）',
    'uscc-format': '应为 18 位（数字及大写字母，不含 I、O、S、V、Z）',
    'uscc-check-digit': '校验位不正确，请核对是否抄错',
    'ic-card-format': '应为 1–13 位数字或字母（卡面上的卡号）',
  };
  return `${field}${what[p.problem] ?? '填写有误，请核对'}`;
}

export const librariesZh: ReasonTexts<typeof libraryReasons> = {
  'libraries.fields-invalid': (p) => `有 ${p.count} 处需要改正（见各栏旁的说明）；未保存`,
  'libraries.party-problem': (p) => describeParty(p, 'zh-CN'),
  'libraries.party-conflict': (p) =>
    `第 ${p.row} 行与企业库中的记录冲突：${describePartyConflict(p, 'zh-CN')}；未导入任何记录`,
  'libraries.party-taken': (p) =>
    `${p.what === 'uscc' ? '统一社会信用代码' : '海关编码'} ${p.value} 已属于"${p.other}"`,
  'libraries.party-not-found': (p) => `企业 ${p.id} 不存在（可能已被删除）`,
  'libraries.product-problem': (p) => p.zh,
  'libraries.product-taken': (p) =>
    `商品库中${p.customer === '' ? '' : ` ${p.customer} 的`}已有${p.partNo === '' ? '商品编号、名称和规格相同的商品' : `货号为 ${p.partNo} 的商品`}：请修改那一条`,
  'libraries.product-not-found': (p) => `商品 ${p.id} 不存在（可能已被删除）`,
  'libraries.defaults-need-profile': () => '默认值属于录入员：请先创建录入员（设置 → 录入员与申报单位）',
  'libraries.head-not-defaultable': (p) => `head.${p.field} 不能设默认值（不是录入的项目，或由录入员资料填写）`,
  'libraries.line-not-defaultable': (p) => `line.${p.field} 不能设默认值（商品项没有这个录入项目）`,
  'libraries.after-with-search': () => '`after` 只用于不带搜索的翻页；搜索请按 offset 翻页（从 offset 0 重新开始）',
  'profiles.problem': (p) => profileProblemZh(p),
  'profiles.not-found': (p) => `录入员 ${p.id} 不存在（可能已被删除）`,
  'profiles.card-in-use': (p) => `IC 卡号 ${p.card} 已属于录入员 ${p.operator}`,
  'profiles.only-one': (p) => `${p.operator} 是唯一的录入员；请先添加另一位再删除`,
  'profiles.current': (p) => `${p.operator} 是当前录入员；请先切换到另一位录入员再删除`,
};
