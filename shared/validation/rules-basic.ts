import type { ElementDef, SectionDef } from '../catalog';
import { rowsOf } from '../catalog';
import { declaredByteLength } from './bytes';
import type { CheckContext, Finding, Rule } from './types';

function checkValue(path: string, def: ElementDef, value: string, ctx: CheckContext, out: Finding[]): void {
  // Values others fill (customs, this app, the signer) are never asked of the user; conditional
  // ones are decided by their own rule. Declaring needs everything a draft needs.
  const required = !def.auto && !def.conditional && (ctx.stage === 'declare' ? def.declare || def.draft : def.draft);
  if (value.trim() === '') {
    if (required) out.push({ path, code: 'required', severity: 'error', params: { field: def.xml } });
    return;
  }
  const bytes = declaredByteLength(value);
  if (def.type === 'string' && bytes > def.length) {
    out.push({ path, code: 'too-long', severity: 'error', params: { field: def.xml, max: def.length, actual: bytes } });
  }
  if (def.type === 'decimal' && !isDecimal(value, def.length, def.decimals ?? 0)) {
    out.push({ path, code: 'decimal-format', severity: 'error', params: { field: def.xml, digits: def.length, decimals: def.decimals ?? 0 } });
  }
  if (def.type === 'integer' && !/^\d+$/.test(value)) {
    out.push({ path, code: 'integer-format', severity: 'error', params: { field: def.xml } });
  }
  if (def.type === 'date' && !isYmd(value)) {
    out.push({ path, code: 'date-format', severity: 'error', params: { field: def.xml } });
  }
  if (def.codeTable && ctx.codes && ctx.codes.has(def.codeTable, value) === false) {
    out.push({ path, code: 'unknown-code', severity: 'error', params: { field: def.xml, table: def.codeTable, value } });
  }
}

export function isDecimal(value: string, digits: number, decimals: number): boolean {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return false;
  const intPart = match[1] ?? '';
  const fracPart = match[2] ?? '';
  return fracPart.length <= decimals && intPart.replace(/^0+(?=\d)/, '').length <= digits - decimals;
}

export function isYmd(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function checkSection(section: SectionDef, rows: readonly Record<string, string>[], ctx: CheckContext, out: Finding[], single: boolean): void {
  rows.forEach((row, index) => {
    for (const def of section.elements) {
      const path = single ? `head.${def.xml}` : `${section.id}[${index}].${def.xml}`;
      checkValue(path, def, row[def.xml] ?? '', ctx, out);
    }
  });
}

/** Required-by-stage, byte lengths, number and date formats and code-table membership, for every element in the catalog. */
export const elementRules: Rule = (doc, ctx, out) => {
  for (const section of ctx.catalog.sections) {
    if (section.id === 'head') checkSection(section, [doc.head], ctx, out, true);
    else checkSection(section, rowsOf(doc, section.id), ctx, out, false);
  }
};

/** A declaration needs at least one goods line to be declared. */
export const lineCountRule: Rule = (doc, ctx, out) => {
  if (ctx.stage === 'declare' && doc.lines.length === 0) {
    out.push({ path: 'lines', code: 'no-lines', severity: 'error', params: {} });
  }
};
