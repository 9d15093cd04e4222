import type { DocumentCatalog } from '../catalog';
import { findElement, findSection, labelOf, parseFieldPath } from '../catalog';
import type { Locale } from '../i18n/locale';
import type { Templates } from './message-types';
import { enTemplates } from './messages-en';
import { zhTemplates } from './messages-zh';
import type { Finding } from './types';

const templates: Record<Locale, Templates> = { 'zh-CN': zhTemplates, en: enTemplates };

/** Every finding code that has a message, in both languages. */
export const findingCodes: readonly string[] = Object.keys(zhTemplates);

/**
 * The label of the field a finding points at, in the locale and, when known, the direction's
 * wording (进境关别 / 出境关别); falls back to the path. Rows are named by section and number.
 */
export function fieldLabel(catalog: DocumentCatalog, path: string, locale: Locale, ieFlag?: 'I' | 'E'): string {
  const parsed = parseFieldPath(path);
  if (!parsed) {
    const section = findSection(catalog, path);
    return section ? (locale === 'en' ? section.en : section.zh) : path;
  }
  const sectionId = parsed.kind === 'head' ? 'head' : parsed.table;
  const def = findElement(catalog, sectionId, parsed.element);
  const name = def ? labelOf(def, locale, ieFlag) : parsed.element;
  if (parsed.kind === 'head') return name;
  if (parsed.table === 'lines')
    return locale === 'en' ? `Line ${parsed.index + 1} ${name}` : `第${parsed.index + 1}项 ${name}`;
  const section = findSection(catalog, parsed.table);
  const sectionName = section ? (locale === 'en' ? section.en : section.zh) : parsed.table;
  if (section && !section.repeats) return `${sectionName} ${name}`;
  return locale === 'en'
    ? `${sectionName} row ${parsed.index + 1} ${name}`
    : `${sectionName}第${parsed.index + 1}行 ${name}`;
}

/** A message that names the field and says how to fix it. */
export function formatFinding(catalog: DocumentCatalog, finding: Finding, locale: Locale, ieFlag?: 'I' | 'E'): string {
  const template = templates[locale][finding.code];
  const field = fieldLabel(catalog, finding.path, locale, ieFlag);
  return template ? template(finding.params, field) : `${field}: ${finding.code}`;
}
