// The wording of the keying day's aids in Chinese (confirm before 申报, 同上, computed amounts, earlier-shipment and
// duplicate 提运单号 warnings, where a declaration came from); flow-messages-en.ts has the same keys.

/** A party box's field a keyed customs code or USCC fills (keyed-party.ts). */
export type KeyedField = 'name' | 'nameEn' | 'code' | 'uscc' | 'ciq';
const keyedFieldsZh: Record<KeyedField, string> = {
  name: '名称',
  nameEn: '英文名称',
  code: '海关编码',
  uscc: '统一社会信用代码',
  ciq: '检验检疫编码',
};

export const flowZh = {
  confirmTitle: '确认申报',
  confirmBody: (seq: string, warnings: number) =>
    warnings === 0
      ? `报关单 ${seq} 检查无错误、无提示。签名并排队发送？`
      : `报关单 ${seq} 检查无错误，但有 ${warnings} 条提示，请确认已核对：`,
  confirmMore: (n: number) => `…另有 ${n} 条提示（见检查结果）`,
  confirmDeclare: '申报（Enter）',
  confirmBack: '返回修改（Esc）',
  confirmSetting: '申报前确认',
  confirmAlways: '每次都确认',
  confirmWarnings: '仅在有提示时确认',
  confirmNever: '不确认（F9 直接申报）',
  computeSetting: '商品金额与数量',
  computeLines: '按数量×单价计算申报总价（或由总价÷数量计算单价），单位相同时由成交数量填法定数量；不覆盖手工填写的值',
  sameAbove: '同上',
  sameAboveLabel: (ieFlag: 'I' | 'E') =>
    `同上：把境内收发货人复制到${ieFlag === 'E' ? '生产销售单位' : '消费使用单位'}`,
  sameAsTrade: (ieFlag: 'I' | 'E') => `已将境内收发货人复制到${ieFlag === 'E' ? '生产销售单位' : '消费使用单位'}`,
  billNoElsewhere: (bill: string, seqs: string) => `提运单号 ${bill} 已用于报关单 ${seqs}，请确认不是重复申报`,
  declarationStatus: (seq: string, status: string) => `${seq}（${status}）`,
  carried: (label: string, from: string) => `${label}来自${from}，请按本次货物核对`,
  fromTemplate: (name: string) => `模板“${name}”`,
  fromCopy: (seq: string) => `所复制的报关单 ${seq}`,
  requiredLeft: (n: number) => `${n} 项必填未填`,
  requiredMark: '必填',
  keyedFilled: (value: string, from: string, fields: readonly KeyedField[]) =>
    `已按 ${value} 从${from}填入 ${fields.map((f) => keyedFieldsZh[f]).join('、')}`,
  keyedFromLibrary: '企业库',
  keyedFromDeclaration: (seq: string) => `报关单 ${seq} `,
  keyedUndo: '撤销',
  keyedUndoLabel: (box: string) => `撤销${box}的自动填入`,
};

export type FlowMessages = typeof flowZh;
