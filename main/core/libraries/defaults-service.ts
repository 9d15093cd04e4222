import type { ApiIssue, DeclarationDefaults } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import type { DeclarationDoc, DocumentCatalog, Row } from '../../../shared/catalog';
import { findSection } from '../../../shared/catalog';
import { isValueProblem } from '../../../shared/interchange/lines';
import type { DefaultsDirection } from '../../../shared/libraries';
import { defaultsFor } from '../../../shared/libraries';
import type { CodeLookup } from '../../../shared/validation';
import { formatFinding, validateDeclaration } from '../../../shared/validation';
import type { ProfileDefaultsRepo } from '../../db/repositories/profile-defaults-repo';
import type { Clock } from '../context';
import { isoAt } from '../context';
import { profileDeclarationFields } from '../profiles/profile-fields';
import type { ProfileService } from '../profiles/profile-service';

/** The head fields the operator profile fills on every new declaration: never a default (the profile owns them). */
const profileOwned: ReadonlySet<string> = new Set(
  Object.keys(
    profileDeclarationFields({ company: { name: '', customsCode: '', uscc: '' }, operator: { name: '', icCard: '' } })
      .head,
  ),
);

/** Fields a default may be given: what the user keys in (no numbers others fill), outside the profile's. */
function defaultable(catalog: DocumentCatalog, section: 'head' | 'lines'): ReadonlySet<string> {
  const elements = findSection(catalog, section)?.elements ?? [];
  return new Set(
    elements
      .filter((e) => e.auto === undefined && !e.local && !(section === 'head' && profileOwned.has(e.xml)))
      .map((e) => e.xml),
  );
}

/** Without empty values (an empty default is no default). */
function compact(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v !== ''),
  );
}

/**
 * Default values per operator (DOMAIN.md §4: brokers' 报关单默认值 — 申报地海关, 进出境关别, 监管方式,
 * 征免性质, 成交方式, 包装种类, 运输方式, and 征免 on each goods line; 报关标志, 报关单类型,
 * 报关/转关关系标志 and 价格说明, which every declaration needs). They belong to the current
 * operator profile and fill each new declaration before the profile's own fields; a template
 * or a copy is more particular and overrides them. Goods-line defaults fill each new line.
 * Values may be given for both directions or for imports or exports only (进境关别 or 出境关别,
 * 监管方式, 运输方式 …); a new declaration takes the shared ones, its direction's own over them.
 */
export function createDefaultsService(deps: {
  profiles: ProfileService;
  repo: ProfileDefaultsRepo;
  catalog: DocumentCatalog;
  codes: () => CodeLookup;
  clock: Clock;
}) {
  const { catalog } = deps;
  const headFields = defaultable(catalog, 'head');
  const lineFields = defaultable(catalog, 'lines');

  function get(): DeclarationDefaults {
    const profile = deps.profiles.current();
    if (!profile)
      return {
        profileId: null,
        operator: null,
        head: {},
        line: {},
        import: { head: {}, line: {} },
        export: { head: {}, line: {} },
      };
    return { profileId: profile.id, operator: profile.operator.name, ...deps.repo.get(profile.id) };
  }

  /**
   * Refusals naming each field: one no default can be given to, and a value that cannot be right (format, length,
   * code).
   */
  function problems(head: Row, line: Row, direction: DefaultsDirection): ApiIssue[] {
    const issues: ApiIssue[] = [];
    for (const key of Object.keys(head)) {
      if (!headFields.has(key))
        issues.push(reasonIssue(`head.${key}`, 'libraries.head-not-defaultable', { field: key }));
    }
    for (const key of Object.keys(line)) {
      if (!lineFields.has(key))
        issues.push(reasonIssue(`line.${key}`, 'libraries.line-not-defaultable', { field: key }));
    }
    if (issues.length > 0) return issues;
    const doc: DeclarationDoc = { head, lines: Object.keys(line).length > 0 ? [line] : [], tables: {} };
    // Checked as the declarations they fill: an export's values as an export's (出境关别 …).
    const ieFlag = direction === 'E' ? 'E' : 'I';
    for (const f of validateDeclaration(doc, { catalog, stage: 'draft', ieFlag, codes: deps.codes() })) {
      // A code a complete table lacks is only a warning on a draft, but a default fills every new
      // declaration: it is refused, as a code that cannot be declared.
      const notInTable = f.code === 'unknown-code' || f.code === 'hs-code-retired';
      if ((f.severity !== 'error' && !notInTable) || !isValueProblem(f.code)) continue;
      const head = /^head\.(\w+)$/.exec(f.path);
      const lineField = /^lines\[0\]\.(\w+)$/.exec(f.path);
      if (!head && !lineField) continue;
      const path = head ? f.path : `line.${lineField?.[1] ?? ''}`;
      // One reason per field: a value too long for 出境关别 is not also named as missing from the table.
      if (issues.some((i) => i.path === path)) continue;
      // The finding's code and parameters: the renderer words it in the UI language.
      const params = { ...f.params, ieFlag };
      issues.push({ path, code: f.code, message: formatFinding(catalog, f, 'en', ieFlag), params });
    }
    return issues;
  }

  return {
    get,

    /** Replaces one direction's values (`both` when not given); the other directions' stay. */
    update(input: { direction?: DefaultsDirection; head: Row; line: Row }): DeclarationDefaults {
      const direction = input.direction ?? 'both';
      const profile = deps.profiles.current();
      if (!profile) throw new AppError('libraries.defaults-need-profile');
      const head = compact(input.head);
      const line = compact(input.line);
      const issues = problems(head, line, direction);
      if (issues.length > 0) throw new AppError('libraries.fields-invalid', { count: issues.length }, issues);
      deps.repo.put(profile.id, direction, { head, line }, isoAt(deps.clock));
      return get();
    },

    /**
     * Writes the current operator's head defaults for the direction into a new declaration's document; returns the
     * paths filled.
     */
    fillNew(doc: DeclarationDoc, ieFlag: 'I' | 'E'): string[] {
      const { head } = defaultsFor(get(), ieFlag);
      const filled: string[] = [];
      for (const [key, value] of Object.entries(head)) {
        if (!headFields.has(key)) continue;
        doc.head[key] = value;
        filled.push(`head.${key}`);
      }
      return filled;
    },
  };
}

export type DefaultsService = ReturnType<typeof createDefaultsService>;
