import type { ElementDef, FormatId, SectionDef } from '../catalog';
import { isSingleRowTable, rowsOf } from '../catalog';
import type { CodeValidity } from '../code-tables/validity';
import { codeValidity } from '../code-tables/validity';
import { declaredByteLength } from './bytes';
import { containerCheckDigit, containerProblem, hasFormat, usccProblem } from './formats';
import type { CheckContext, Finding, Rule } from './types';

export { isYmd } from './formats';

const datePatterns: Partial<Record<FormatId, string>> = {
  ymd: 'yyyyMMdd',
  'ymd-dash': 'yyyy-MM-dd',
  'ymd-hms': 'yyyyMMdd hh:mm:ss',
  datetime16: 'yyyyMMddHHmmssSS',
};

const formatCodes: Partial<Record<FormatId, string>> = {
  'customs-code': 'customs-code-format',
  'customs-code-or-no': 'owner-code-format',
  'customs-or-org-code': 'cop-code-format',
  'ciq-code': 'ciq-code-format',
  'hs-code': 'hs-code-format',
  'ciq-sub-code': 'ciq-sub-code-format',
  'gno-list': 'gno-list-format',
  'promise-items': 'promise-items-format',
};

function checkFormat(path: string, def: ElementDef, format: FormatId, value: string, out: Finding[]): void {
  if (format === 'uscc') {
    const problem = usccProblem(value);
    if (problem)
      out.push({
        path,
        code: problem === 'format' ? 'uscc-format' : 'uscc-check-digit',
        severity: 'error',
        params: { field: def.xml },
      });
    return;
  }
  if (format === 'container-no') {
    const problem = containerProblem(value);
    if (problem === 'format')
      out.push({ path, code: 'container-no-format', severity: 'error', params: { field: def.xml } });
    if (problem === 'check-digit')
      out.push({
        path,
        code: 'container-check-digit',
        severity: 'error',
        params: { field: def.xml, expected: containerCheckDigit(value.slice(0, 10)) },
      });
    return;
  }
  if (hasFormat(format, value)) return;
  const pattern = datePatterns[format];
  if (pattern) out.push({ path, code: 'date-format', severity: 'error', params: { field: def.xml, pattern } });
  else out.push({ path, code: formatCodes[format] ?? 'format', severity: 'error', params: { field: def.xml } });
}

/**
 * Whether an element must be filled at a stage. Values others fill are never asked of the user; conditional ones have
 * their own rule.
 */
export function isRequired(def: ElementDef, stage: CheckContext['stage']): boolean {
  if (def.auto || def.conditional) return false;
  if (stage === 'declare') return def.declare || def.draft;
  return stage === 'summary' ? def.summary === true || def.draft : def.draft;
}

/** Whether a value is blank: empty or only whitespace (checked without allocating, since it runs per field). */
function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff) return false;
  }
  return true;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A number typed with a minus sign: its message says a negative number is refused, where "must be a number with at
 * most 14 integer digits" or "must be a whole number" would not tell the broker what is wrong with -1.
 */
function negative(value: string): { negative?: 1 } {
  return /^\s*-\s*\d/.test(value) ? { negative: 1 } : {};
}

/** Checks a filled value: type and length, format, code-table membership. */
function checkValue(prefix: string, def: ElementDef, value: string, ctx: CheckContext, out: Finding[]): void {
  // The path is built only when there is something to report: this runs for every field.
  switch (def.type) {
    case 'string': {
      // A lone UTF-16 surrogate (from a broken paste) has no form in the signed canonical JSON.
      if (loneSurrogate.test(value))
        out.push({ path: prefix + def.xml, code: 'unpaired-surrogate', severity: 'error', params: { field: def.xml } });
      // A name typed where a code goes (纸箱, Pujiang) is said once, by the table ("not in … choose one from the table"):
      // "longer than 2 bytes — shorten it" beside it doubled the count and sent the broker to shorten a name.
      if (value.length * 2 > def.length && !(def.codeTable && ctx.codes?.has(def.codeTable, value) === false)) {
        const bytes = declaredByteLength(value);
        if (bytes > def.length)
          out.push({
            path: prefix + def.xml,
            code: 'too-long',
            severity: 'error',
            params: { field: def.xml, max: def.length, actual: bytes },
          });
      }
      break;
    }
    case 'decimal':
      if (!isDecimal(value, def.length, def.decimals ?? 0)) {
        out.push({
          path: prefix + def.xml,
          code: 'decimal-format',
          severity: 'error',
          params: { field: def.xml, digits: def.length, decimals: def.decimals ?? 0, ...negative(value) },
        });
      }
      break;
    case 'integer':
      if (!/^\d+$/.test(value))
        out.push({
          path: prefix + def.xml,
          code: 'integer-format',
          severity: 'error',
          params: { field: def.xml, ...negative(value) },
        });
      else if (value.replace(/^0+(?=\d)/, '').length > def.length)
        out.push({
          path: prefix + def.xml,
          code: 'too-long',
          severity: 'error',
          params: { field: def.xml, max: def.length, actual: value.length },
        });
      break;
    case 'binary': {
      // Base64: every 4 characters carry 3 bytes.
      const bytes = Math.floor((value.replace(/=+$/, '').length * 3) / 4);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value))
        out.push({ path: prefix + def.xml, code: 'base64-format', severity: 'error', params: { field: def.xml } });
      else if (bytes > def.length)
        out.push({
          path: prefix + def.xml,
          code: 'too-large',
          severity: 'error',
          params: { field: def.xml, max: def.length, actual: bytes },
        });
      break;
    }
    default:
      break;
  }
  const before = out.length;
  if (def.format) checkFormat(prefix + def.xml, def, def.format, value, out);
  // A value of the wrong form cannot be in its table: one finding says so.
  if (def.codeTable && ctx.codes && out.length === before) checkCode(prefix + def.xml, def, value, ctx, out);
}

/**
 * Code-table membership. A code missing from a complete table is an error at the declare stage
 * and a warning on a draft ("not in the table you have": a message from another system, or a
 * table here older than the sender's, must still be stored); a partial table does not judge. A
 * 商品编号 the tariff retired is named with the codes that replaced it.
 */
function checkCode(path: string, def: ElementDef, value: string, ctx: CheckContext, out: Finding[]): void {
  const table = def.codeTable ?? '';
  const known = ctx.codes?.has(table, value);
  if (known === true) {
    checkValidity(path, def.xml, table, value, ctx, out);
    return;
  }
  if (known !== false) return;
  const severity = ctx.stage === 'draft' ? 'warning' : 'error';
  const successors = table === 'tariff' ? ctx.codes?.successors?.(value) : undefined;
  if (successors && successors.length > 0)
    out.push({
      path,
      code: 'hs-code-retired',
      severity,
      params: { field: def.xml, value, successors: successors.map((s) => `${s.code} ${s.name}`.trim()).join('；') },
    });
  else out.push({ path, code: 'unknown-code', severity, params: { field: def.xml, table, value } });
}

/**
 * The finding for a code in its table that is not in force: out of force is an error; only in an older table, a warning
 * to check.
 */
const validityFindings: Record<
  Exclude<CodeValidity['state'], 'current'>,
  { code: string; severity: 'error' | 'warning' }
> = {
  'not-yet': { code: 'code-not-yet-valid', severity: 'error' },
  expired: { code: 'code-expired', severity: 'error' },
  retired: { code: 'code-retired', severity: 'error' },
  legacy: { code: 'code-legacy', severity: 'warning' },
};

function checkValidity(
  path: string,
  field: string,
  table: string,
  value: string,
  ctx: CheckContext,
  out: Finding[],
): void {
  const row = ctx.codes?.row?.(table, value);
  if (!row) return;
  const validity = codeValidity(row, ctx.today);
  if (validity.state === 'current') return;
  // The rest of the validity (from, until or status) goes into the message.
  const { state, ...detail } = validity;
  const finding = validityFindings[state];
  // On a draft, a code out of force is a warning: the declare stage decides.
  const severity = ctx.stage === 'draft' ? 'warning' : finding.severity;
  out.push({ path, code: finding.code, severity, params: { field, table, value, ...detail } });
}

export function isDecimal(value: string, digits: number, decimals: number): boolean {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return false;
  const intPart = match[1] ?? '';
  const fracPart = match[2] ?? '';
  return fracPart.length <= decimals && intPart.replace(/^0+(?=\d)/, '').length <= digits - decimals;
}

interface SectionPlan {
  byXml: Map<string, ElementDef>;
  /** Schema position of each element, to list a row's findings in schema order. */
  position: Map<string, number>;
  required: Record<CheckContext['stage'], ElementDef[]>;
}

const plans = new WeakMap<SectionDef, SectionPlan>();

function planOf(section: SectionDef): SectionPlan {
  let plan = plans.get(section);
  if (!plan) {
    plan = {
      byXml: new Map(section.elements.map((e) => [e.xml, e])),
      position: new Map(section.elements.map((e, i) => [e.xml, i])),
      required: {
        draft: section.elements.filter((e) => isRequired(e, 'draft')),
        summary: section.elements.filter((e) => isRequired(e, 'summary')),
        declare: section.elements.filter((e) => isRequired(e, 'declare')),
      },
    };
    plans.set(section, plan);
  }
  return plan;
}

// A row holds only the values entered (empty ones are not stored), so each row is walked by its
// own keys, plus the short list of elements the stage requires: this runs on every keystroke.
function checkSection(
  section: SectionDef,
  rows: readonly Record<string, string>[],
  ctx: CheckContext,
  out: Finding[],
): void {
  const head = section.id === 'head';
  const plan = planOf(section);
  const required = plan.required[ctx.stage];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] ?? {};
    const prefix = head ? 'head.' : `${section.id}[${index}].`;
    const start = out.length;
    for (const def of required) {
      const value = row[def.xml];
      if (value === undefined || value === '' || isBlank(value))
        out.push({ path: prefix + def.xml, code: 'required', severity: 'error', params: { field: def.xml } });
    }
    for (const key in row) {
      const value = row[key];
      const def = plan.byXml.get(key);
      if (!def || value === undefined || value === '' || isBlank(value)) continue;
      checkValue(prefix, def, value, ctx, out);
    }
    if (out.length - start > 1) {
      const rowFindings = out
        .splice(start)
        .map((f) => ({ f, at: plan.position.get(f.path.slice(prefix.length)) ?? 0 }));
      rowFindings.sort((a, b) => a.at - b.at);
      for (const { f } of rowFindings) out.push(f);
    }
  }
}

/**
 * For every element of every section present: required by stage, byte lengths, number, date
 * and other formats (USCC and ISO 6346 check characters included), and code-table membership.
 */
export const elementRules: Rule = (doc, ctx, out) => {
  for (const section of ctx.catalog.sections) {
    if (section.id === 'head') checkSection(section, [doc.head], ctx, out);
    else {
      const rows = rowsOf(doc, section.id);
      if (rows.length === 0) continue;
      if (isSingleRowTable(section) && rows.length > 1)
        out.push({ path: `${section.id}[1]`, code: 'single-block', severity: 'error', params: { table: section.id } });
      checkSection(section, rows, ctx, out);
    }
  }
};

/** A declaration needs at least one goods line to be declared, at 概要申报 too (its goods are what is released). */
export const lineCountRule: Rule = (doc, ctx, out) => {
  if (ctx.stage !== 'draft' && doc.lines.length === 0) {
    out.push({ path: 'lines', code: 'no-lines', severity: 'error', params: {} });
  }
};
