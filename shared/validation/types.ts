import type { DeclarationDoc, DocumentCatalog } from '../catalog';
import type { TariffInfo } from '../code-tables/tariff';

/**
 * Which requirements the checks apply: `draft` 暂存, `summary` 概要申报 (the first step of 两步申报: the draft
 * elements and those the catalog marks `summary`), `declare` 申报 — a one-step declaration or the 完整申报.
 */
export type Stage = 'draft' | 'summary' | 'declare';
export type Severity = 'error' | 'warning';

/** One finding of the checks: where (a field path), what (a stable code), how bad, and the values for the message. */
export interface Finding {
  path: string;
  code: string;
  severity: Severity;
  params: Record<string, string | number>;
}

/**
 * The code tables the checks may consult. Synchronous on purpose: the renderer validates on
 * every keystroke, so whoever builds a lookup loads what it needs first (shared/code-tables).
 */
export interface CodeLookup {
  /** Whether a code exists in a table; undefined when the table is not available here (or is partial and lacks it). */
  has(table: string, code: string): boolean | undefined;
  /**
   * The tariff's row for a 10-digit 商品编号: null when the tariff is loaded and lacks it, undefined when there is no
   * tariff here.
   */
  tariff?(codeTs: string): TariffInfo | null | undefined;
  /** A code's whole row (e.g. a 监管证件's applies_import / applies_export), when the table has it. */
  row?(table: string, code: string): Readonly<Record<string, string>> | undefined;
  /**
   * The codes that replaced a 商品编号 the tariff no longer has (8471300000 → 8471301000, 8471309000
   * in 2026), with their names; undefined when the code was not retired (or nobody here knows).
   */
  successors?(codeTs: string): readonly { code: string; name: string }[] | undefined;
}

export interface CheckContext {
  catalog: DocumentCatalog;
  stage: Stage;
  ieFlag: 'I' | 'E';
  codes?: CodeLookup;
  /** Today as yyyyMMdd, for date checks (进口日期 not in the future); those checks are skipped without it. */
  today?: string;
}

export type Rule = (doc: DeclarationDoc, ctx: CheckContext, out: Finding[]) => void;
