import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Site } from './renderer-sources';
import { checkSites, expectJudged, reads, rendererSites, sitesBelow, snippetCall, whereOf } from './renderer-sources';

// A failure a dialog or panel shows is worded when shown, in the UI language of that moment: what a catch keeps in
// state is the failure itself (or errorNotice(e) / failureLine(e), functions of the language), never its text. A
// dialog that kept `e.message` showed it in the language the failure happened in after the broker switched language.
// This reads every catch clause in the renderer and refuses a state setter given the caught value's words.

/** Functions that word a failure in one language there and then (the renderer's own and the old helpers). */
const wordingNow = new Set([
  'failureText',
  'localizeError',
  'errorText',
  'errorLine',
  'issuesByField',
  'fieldErrors',
  'String',
]);

/** What in a setter's argument words the caught value `caught` at once, or null. */
export function wordedNow(arg: ts.Node, caught: string): string | null {
  let found: string | null = null;
  const visit = (node: ts.Node, inLanguageFunction: boolean): void => {
    if (found) return;
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      // (l) => failureText(e, l) words it when shown.
      ts.forEachChild(node, (child) => visit(child, node.parameters.length > 0));
      return;
    }
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'message' && reads(node.expression, caught)) {
      found = `${caught}.message`;
      return;
    }
    if (ts.isTemplateExpression(node) && reads(node, caught)) {
      found = 'a template of the failure';
      return;
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && wordingNow.has(node.expression.text)) {
      if (!inLanguageFunction && node.arguments.some((a) => reads(a, caught))) {
        found = `${node.expression.text}(${caught})`;
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, inLanguageFunction));
  };
  visit(arg, false);
  return found;
}

function isSetter(call: ts.CallExpression): boolean {
  return ts.isIdentifier(call.expression) && /^set[A-Z]/.test(call.expression.text);
}

/**
 * Where a failure is caught: a catch clause, or the failure handler a part gives a busy call's `run` (its second
 * argument, renderer/components/busy-call.ts), which is handed what the call's catch caught. Null elsewhere.
 */
export function caughtBy(node: ts.Node): { caught: string; body: ts.Node } | null {
  if (ts.isCatchClause(node) && node.variableDeclaration && ts.isIdentifier(node.variableDeclaration.name))
    return { caught: node.variableDeclaration.name.text, body: node.block };
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || !/^run(Busy)?$/.test(node.expression.text))
    return null;
  const handler = node.arguments[1];
  if (!handler || !(ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) return null;
  const first = handler.parameters[0];
  return first && ts.isIdentifier(first.name) ? { caught: first.name.text, body: handler.body } : null;
}

/** The state setters a catch clause or a busy call's failure handler calls, each judged for wording it at once. */
function catchSites(node: ts.Node, source: ts.SourceFile): Site[] {
  const handling = caughtBy(node);
  if (!handling) return [];
  const { caught } = handling;
  return sitesBelow(handling.body, (inner) => {
    if (!ts.isCallExpression(inner) || !isSetter(inner)) return [];
    const faults = inner.arguments.map((a) => wordedNow(a, caught)).filter((f) => f !== null);
    return [{ where: whereOf(source, inner), fault: faults[0] ?? null }];
  });
}

describe('every failure a dialog or panel shows is worded in the UI language when shown', () => {
  // Settings, backups, code tables, libraries, interchange, the outbox, setup, recovery and the editor keep one.
  checkSites(rendererSites(catchSites), 40, {
    finds: 'finds the state the renderer sets from caught failures',
    none: 'keeps the failure, never its words, in state',
  });

  it('refuses a failure worded when caught', () => {
    const fault = (code: string) => wordedNow(snippetCall(`setError(${code})`).arguments[0] as ts.Expression, 'e');
    expectJudged(fault, {
      refused: [
        'e instanceof ApiCallError ? e.message : String(e)',
        'errorText(e)',
        'failureText(e, locale)',
        '{ kind: "error", text: e instanceof Error ? e.message : String(e) }',
        '`${file}: ${e}`',
      ],
      passed: ['errorNotice(e)', 'failureLine(e, { paths: true })', '(l) => failureText(e, l)', 'e'],
    });
  });

  it("reads a busy call's failure handler as a catch of what the call failed with", () => {
    const handler = (code: string) => {
      const found = caughtBy(snippetCall(code));
      return found ? `${found.caught}: ${found.body.getText()}` : null;
    };
    expect(handler('run(work, (e) => setError(e.message))')).toBe('e: setError(e.message)');
    expect(handler('runBusy(work, (failure) => { setNote(failure) })')).toBe('failure: { setNote(failure) }');
    expect(handler('run(work, refusalNotice)')).toBeNull();
    expect(handler('other(work, (e) => setError(e.message))')).toBeNull();
  });
});
