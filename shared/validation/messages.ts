import type { DocumentCatalog } from '../catalog';
import { findElement, parseFieldPath } from '../catalog';
import type { Locale } from '../i18n/locale';
import type { Finding } from './types';

type Template = (p: Record<string, string | number>, field: string) => string;

const zh: Record<string, Template> = {
  required: (_p, f) => `${f}：必填，请填写`,
  'too-long': (p, f) => `${f}：超过 ${p.max} 字节（现 ${p.actual} 字节，汉字计 2 字节），请缩短`,
  'decimal-format': (p, f) => `${f}：应为数字，整数位不超过 ${Number(p.digits) - Number(p.decimals)} 位、小数不超过 ${p.decimals} 位`,
  'integer-format': (_p, f) => `${f}：应为整数`,
  'date-format': (_p, f) => `${f}：日期格式应为 yyyyMMdd，例如 20260131`,
  'unknown-code': (p, f) => `${f}：代码 "${p.value}" 不在代码表中，请从代码表选择`,
  'no-lines': () => '商品：至少需要一项商品才能申报，请添加商品',
};

const en: Record<string, Template> = {
  required: (_p, f) => `${f}: required — please fill it in`,
  'too-long': (p, f) => `${f}: longer than ${p.max} bytes (now ${p.actual}; a Chinese character counts 2) — shorten it`,
  'decimal-format': (p, f) => `${f}: must be a number with at most ${Number(p.digits) - Number(p.decimals)} integer and ${p.decimals} decimal digits`,
  'integer-format': (_p, f) => `${f}: must be a whole number`,
  'date-format': (_p, f) => `${f}: the date must be yyyyMMdd, e.g. 20260131`,
  'unknown-code': (p, f) => `${f}: code "${p.value}" is not in the code table — choose one from the table`,
  'no-lines': () => 'Goods: add at least one goods line before declaring',
};

const templates: Record<Locale, Record<string, Template>> = { 'zh-CN': zh, en };

/** The label of the field a finding points at, in the locale (falls back to the path). */
export function fieldLabel(catalog: DocumentCatalog, path: string, locale: Locale): string {
  const parsed = parseFieldPath(path);
  if (!parsed) return path;
  const section = parsed.kind === 'head' ? 'head' : parsed.table;
  const def = findElement(catalog, section, parsed.element);
  const name = def ? (locale === 'en' ? def.en : def.zh) : parsed.element;
  if (parsed.kind === 'head') return name;
  return locale === 'en' ? `Line ${parsed.index + 1} ${name}` : `第${parsed.index + 1}项 ${name}`;
}

/** A message that names the field and says how to fix it. */
export function formatFinding(catalog: DocumentCatalog, finding: Finding, locale: Locale): string {
  const template = templates[locale][finding.code];
  const field = fieldLabel(catalog, finding.path, locale);
  return template ? template(finding.params, field) : `${field}: ${finding.code}`;
}
