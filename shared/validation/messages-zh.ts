import { findCodeTable } from '../code-tables/tables';
import type { Templates } from './message-types';

const kindZh: Record<string, string> = { freight: '运费', insurance: '保险费', other: '杂费' };
const ieZh = (ie: unknown) => (ie === 'E' ? '出口' : '进口');
const tableZh = (id: unknown) => `「${findCodeTable(String(id))?.zh ?? '代码表'}」`;

/** zh-CN messages: name the field, say what is wrong and how to fix it. */
export const zhTemplates: Templates = {
  required: (_p, f) => `${f}：必填，请填写`,
  'unpaired-surrogate': (_p, f) => `${f}：含有无法保存的字符（不成对的代理项，多由粘贴造成），请删除后重新输入`,
  'too-long': (p, f) => `${f}：超过 ${p.max} 字节（现 ${p.actual} 字节，汉字计 2 字节），请缩短`,
  'too-large': (p, f) => `${f}：附件超过 ${p.max} 字节（现 ${p.actual} 字节），请压缩或换小文件`,
  'decimal-format': (p, f) =>
    p.negative
      ? `${f}：不能为负数，请填写 0 或正数`
      : `${f}：应为数字，整数位不超过 ${Number(p.digits) - Number(p.decimals)} 位、小数不超过 ${p.decimals} 位`,
  'integer-format': (p, f) => (p.negative ? `${f}：不能为负数，请填写 0 或正整数` : `${f}：应为整数`),
  'base64-format': (_p, f) => `${f}：附件内容应为 BASE64 编码，请重新上传`,
  'date-format': (p, f) =>
    `${f}：日期格式应为 ${p.pattern ?? 'yyyyMMdd'}，例如 ${p.pattern === 'yyyy-MM-dd' ? '2026-01-31' : '20260131'}`,
  'customs-code-format': (_p, f) => `${f}：应为 10 位海关编码（数字或大写字母），请核对`,
  'owner-code-format': (_p, f) => `${f}：应为 10 位海关编码、9 位组织机构代码或 NO`,
  'cop-code-format': (_p, f) => `${f}：应为 10 位海关编码或 9 位组织机构代码（数字或大写字母）`,
  'uscc-format': (_p, f) => `${f}：统一社会信用代码应为 18 位（数字及大写字母，不含 I、O、S、V、Z），请核对`,
  'uscc-check-digit': (_p, f) => `${f}：统一社会信用代码校验位不正确，请核对是否抄错`,
  'ciq-code-format': (_p, f) => `${f}：检验检疫编码应为 10 位数字`,
  'hs-code-format': (_p, f) => `${f}：商品编号应为 10 位数字`,
  'ciq-sub-code-format': (_p, f) => `${f}：检验检疫编码应为 3 位数字（与商品编号组成 13 位）`,
  'container-no-format': (_p, f) => `${f}：集装箱号应为 4 位字母加 7 位数字（如 CSQU3054383）`,
  'container-check-digit': (p, f) => `${f}：集装箱号校验位不正确（按 ISO 6346 应为 ${p.expected}），请核对箱号`,
  'gno-list-format': (_p, f) => `${f}：商品项号用英文逗号分隔，如 1,3`,
  'promise-items-format': (_p, f) => `${f}：价格说明每位填 1（是）、0（否）或 9（空），共 5 位，如 00099`,
  format: (_p, f) => `${f}：格式不正确，请核对`,
  'unknown-code': (p, f) => `${f}：代码 "${p.value}" 不在本机的${tableZh(p.table)}中，请从代码表选择`,
  'hs-code-retired': (p, f) => `${f}：商品编号 ${p.value} 在现行税则中已不存在（已拆分），请改用：${p.successors}`,
  'code-not-yet-valid': (p, f) => `${f}：代码 "${p.value}" 自 ${p.from} 起才生效，请选择现行代码`,
  'code-expired': (p, f) => `${f}：代码 "${p.value}" 已于 ${p.until} 失效，请选择现行代码`,
  'code-retired': (p, f) => `${f}：代码 "${p.value}" 已停用（${p.status}），请选择现行代码`,
  'code-legacy': (p, f) => `${f}：代码 "${p.value}" 只见于旧版代码表，申报前请确认仍然有效`,
  'single-block': (_p, f) => `${f}：此部分只能填写一份，请删除多余的`,
  'two-step-mode': (p, f) =>
    `${f}：第三位应为 ${p.expected}（5 概要申报，6 完整申报，空 一次申报），请在两步申报中选择对应的步骤`,
  'no-lines': (_p, f) => `${f}：至少需要一项商品才能申报，请添加商品`,
  'gno-sequence': (p, f) => `${f}：项号应为 ${p.expected}（从 1 开始连续编号），请重新排序`,
  'too-many-lines': (p, f) => `${f}：一份报关单最多 ${p.max} 项商品（现 ${p.actual} 项），请拆分为多份报关单`,
  'goods-no-unknown': (p, f) => `${f}：商品项号 ${p.missing} 不存在（共 ${p.count} 项商品），请核对`,
  'no-parent-row': (_p, f) => `${f}：找不到所属的商品或许可证记录，请核对项号和许可证信息`,
  'weight-not-positive': (_p, f) => `${f}：应大于 0`,
  'weight-below-one': (_p, f) => `${f}：不足 1 千克的填报为 1`,
  'gross-below-net': (p, f) => `${f}：毛重（${p.gross}）不能小于净重（${p.net}），请核对`,
  'pack-no-min': (_p, f) => `${f}：件数至少为 1，散装货物填 1`,
  'total-mismatch': (p, f) => `${f}：申报总价 ${p.total} 与单价×数量（约 ${p.expected}）不符，请核对单价、数量或总价`,
  'first-qty-differs': (p, f) => `${f}：成交计量单位与法定第一计量单位相同，法定第一数量应等于成交数量 ${p.qty}`,
  'second-qty-required': (p, f) =>
    `${f}：${p.code ? `商品编号 ${p.code} 有法定第二计量单位（${p.unit}）` : '已填法定第二计量单位'}，请填写法定第二数量`,
  'second-unit-required': (p, f) =>
    `${f}：${p.code ? `商品编号 ${p.code} 的法定第二计量单位为 ${p.expected}` : '已填法定第二数量'}，请填写法定第二计量单位`,
  'legal-unit-mismatch': (p, f) =>
    `${f}：商品编号 ${p.code} 的法定第一计量单位为 ${p.expected}，不是 ${p.value}，请改为 ${p.expected}`,
  'second-unit-mismatch': (p, f) =>
    `${f}：商品编号 ${p.code} 的法定第二计量单位为 ${p.expected}，不是 ${p.value}，请改为 ${p.expected}`,
  'second-unit-not-allowed': (p, f) => `${f}：商品编号 ${p.code} 没有法定第二计量单位，请清空`,
  'second-qty-not-allowed': (p, f) => `${f}：商品编号 ${p.code} 没有法定第二计量单位，法定第二数量请清空`,
  'gmodel-required': (p, f) => `${f}：请按商品编号 ${p.code} 的申报要素填写：${p.elements}`,
  'gmodel-too-many': (p, f) =>
    `${f}：商品编号 ${p.code} 只有 ${p.count} 项申报要素，现填了 ${p.actual} 项（以 | 分隔），请删除多余的`,
  'gmodel-too-few': (p, f) =>
    `${f}：商品编号 ${p.code} 有 ${p.count} 项申报要素，现只填了 ${p.actual} 项，缺：${p.missing}`,
  'gmodel-brand-type': (p, f) =>
    `${f}：第 ${p.position} 项品牌类型应为 0 无品牌、1 境内自主品牌、2 境内收购品牌、3 境外品牌(贴牌生产) 或 4 境外品牌(其他)`,
  'gmodel-export-preference': (p, f) => `${f}：第 ${p.position} 项出口享惠情况应为 0、1、2 或 3`,
  'gmodel-import-preference': (p, f) => `${f}：进口报关单第 ${p.position} 项出口享惠情况应填 3（不适用于进口报关单）`,
  'freight-not-allowed': (p, f) => `${f}：${ieZh(p.ie)}成交方式为 ${p.transName} 时不填运费，请清空运费`,
  'freight-required': (p, f) => `${f}：${ieZh(p.ie)}成交方式为 ${p.transName} 时须填报运费（标记、运费/率及币制）`,
  'insurance-not-allowed': (p, f) => `${f}：${ieZh(p.ie)}成交方式为 ${p.transName} 时不填保险费，请清空保险费`,
  'insurance-required': (p, f) =>
    `${f}：${ieZh(p.ie)}成交方式为 ${p.transName} 时须填报保险费（标记、保险费/率及币制）`,
  'fee-mark-required': (p, f) =>
    `${f}：已填${kindZh[String(p.kind)] ?? ''}金额或费率，请选择标记（1 率、3 总价${p.kind === 'freight' ? '、2 单价' : ''}）`,
  'fee-rate-required': (p, f) => `${f}：已选${kindZh[String(p.kind)] ?? ''}标记，请填写费率或金额`,
  'fee-currency-required': (p, f) => `${f}：${kindZh[String(p.kind)] ?? ''}按单价或总价填报时须填币制`,
  'manual-no-required': (p, f) => `${f}：监管方式 ${p.tradeMode} 属加工贸易，须填报加工贸易手册或账册编号`,
  'manual-no-kind': (p, f) =>
    `${f}：监管方式 ${p.tradeMode} 属加工贸易，备案号 ${p.value} 看起来不是手册/账册编号（B、C、D、E、H 开头），请核对`,
  'contr-item-required': (p, f) => `${f}：有备案号 ${p.manualNo} 的加工贸易货物须填报手册/账册中的备案序号`,
  'processing-levy': (p, f) =>
    `${f}：监管方式 ${p.tradeMode} 的征免性质通常为 ${p.expected}（现为 ${p.value}），请按手册核对`,
  'levy-for-processing-only': (p, f) =>
    `${f}：征免性质 ${p.value} ${p.name} 只用于加工贸易，与监管方式 ${p.tradeMode} 不符`,
  'general-levy-duty': (p, f) => `${f}：征免性质为 101 一般征税时征免应为 1 照章征税（现为 ${p.value}）`,
  'duty-mode-needs-levy': (p, f) => `${f}：第 ${p.line} 项征免为 5 随征免性质，请填写征免性质`,
  'ciq-code-required': (p, f) =>
    `${f}：商品编号 ${p.code} 的监管条件含 ${p.condition}（法检），请填写 3 位检验检疫编码`,
  'licence-required': (p, f) =>
    `${f}：商品编号 ${p.code} 的监管条件含 ${p.condition}${p.name ? ` ${p.name}` : ''}，请在随附单证中填报该证件`,
  'licence-check': (p, f) =>
    `${f}：商品编号 ${p.code} 的监管条件含 ${p.condition}，请确认是否需要在随附单证中填报（导入官方监管证件代码表后可自动判断）`,
  'country-swap-suspect': (p, f) =>
    p.ie === 'E'
      ? `${f}：出口报关单的 OriginCountry 应填最终目的国、DestinationCountry 应填原产国，现原产国/目的国似乎填反（${p.origin} / ${p.destination}），请核对`
      : `${f}：进口报关单的 OriginCountry 应填原产国、DestinationCountry 应填最终目的国，现似乎按出口方式填反（${p.origin} / ${p.destination}），请核对`,
  'edoc-id-format': (_p, f) => `${f}：随附单据文件名应为 申报口岸(4位)+单据类别(8位)+2位字母+18位流水号+.pdf，请核对`,
  'edoc-missing': (p, f) => `${f}：无纸化通关须随附 ${p.name}（${p.code}），请上传`,
  'date-in-future': (p, f) => `${f}：进口日期不能晚于今天（${p.today}）`,
  'promise-direction': (p, f) => `${f}：${p.expected === '101040' ? '进口报关单应填 101040' : '出口报关单应填 102053'}`,
};
