import type { DeclarationDoc, DocumentCatalog } from '../catalog';

export type Stage = 'draft' | 'declare';
export type Severity = 'error' | 'warning';

/** One finding of the checks: where (a field path), what (a stable code), how bad, and the values for the message. */
export interface Finding {
  path: string;
  code: string;
  severity: Severity;
  params: Record<string, string | number>;
}

/** Answers whether a code exists in a code table; undefined when the table is not available here. */
export interface CodeLookup {
  has(table: string, code: string): boolean | undefined;
}

export interface CheckContext {
  catalog: DocumentCatalog;
  stage: Stage;
  ieFlag: 'I' | 'E';
  codes?: CodeLookup;
}

export type Rule = (doc: DeclarationDoc, ctx: CheckContext, out: Finding[]) => void;
