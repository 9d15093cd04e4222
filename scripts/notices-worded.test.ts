import ts from 'typescript';
import { describe, it } from 'vitest';
import type { Site } from './renderer-sources';
import { checkSites, expectJudged, reads, rendererSites, snippetCall, whereOf } from './renderer-sources';

// Every notice is worded when it is shown, in the UI language of that moment. The type lets only a function of the
// language through; this reads every notify call in the renderer and refuses a function that does not word its text
// from the language it is given (`() => t.saved`, `(l) => text` worded beforehand keep the language of the moment the
// notice was raised), so a new notice cannot slip back into one language.

function isNotify(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'notify';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'notify';
}

const WORDED_WHEN_SHOWN = new Set(['errorNotice', 'failureLine']);

/** What is wrong with a notice's message, or null when it is worded from the language it is given. */
function messageFault(message: ts.Expression): string | null {
  if (ts.isCallExpression(message) && ts.isIdentifier(message.expression)) {
    // errorNotice(e) and failureLine(e) (the failure with each issue it names) word a caught failure when shown.
    return WORDED_WHEN_SHOWN.has(message.expression.text) ? null : `a call to ${message.expression.text}`;
  }
  if (!ts.isArrowFunction(message) && !ts.isFunctionExpression(message)) return 'not a function of the language';
  const param = message.parameters[0];
  if (!param || !ts.isIdentifier(param.name)) return 'a function that takes no language';
  return reads(message.body, param.name.text) ? null : `a function that never reads ${param.name.text}`;
}

function notifySite(node: ts.Node, source: ts.SourceFile): Site[] {
  if (!ts.isCallExpression(node) || !isNotify(node)) return [];
  const where = whereOf(source, node);
  const arg = node.arguments[0];
  if (arg && ts.isObjectLiteralExpression(arg)) {
    const message = arg.properties.find(
      (p): p is ts.PropertyAssignment =>
        ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'message',
    );
    return [{ where, fault: message ? messageFault(message.initializer) : 'no message' }];
  }
  return arg ? [{ where, fault: 'a notice that is not written out where it is raised' }] : [];
}

describe('every notice is worded in the UI language when it is shown', () => {
  // The app raises notices from its top bar, the editor, the libraries, settings, the list and the outbox.
  checkSites(rendererSites(notifySite), 40, {
    finds: 'finds the notices the renderer raises',
    none: 'gives every notify a function that words its text from the language',
  });

  it('refuses a notice worded when raised', () => {
    const parse = (code: string) => {
      const arg = snippetCall(`notify({ kind: 'info', message: ${code} })`).arguments[0] as ts.ObjectLiteralExpression;
      return messageFault((arg.properties[1] as ts.PropertyAssignment).initializer);
    };
    expectJudged(parse, {
      refused: ['t.saved', '() => t.saved', '(l) => t.saved', '`${file}: ${e.message}`'],
      passed: ['(l) => messages[l].saved', 'errorNotice(e)', 'failureLine(e, { prefix: file.name })'],
    });
  });
});
