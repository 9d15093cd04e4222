import ts from 'typescript';
import { describe, it } from 'vitest';
import type { Site } from './renderer-sources';
import { checkSites, expectJudged, rendererSites, snippetFault, whereOf } from './renderer-sources';

// A form the browser validates stops a submit with the browser's own bubble ("Please fill out this field"), worded in
// the language of the browser or the OS, not the one the broker chose in the app: an empty or too-short passphrase on
// the set-up screen was refused in English on a Chinese desk. Every renderer form is `noValidate`, and its own check
// words the problem under the field. Every form, not only those holding a `required`, `minLength`, `type="url"` or
// `pattern` input: a component inside the form (PassphraseField) brings such an input where this reading cannot see it.

/** A <form> as a site, at fault without `noValidate` (or with `noValidate={false}`); no site for any other node. */
function formSites(node: ts.Node, source: ts.SourceFile): Site[] {
  const tag = ts.isJsxElement(node) ? node.openingElement : ts.isJsxSelfClosingElement(node) ? node : null;
  if (!tag || tag.tagName.getText() !== 'form') return [];
  const attribute = tag.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText() === 'noValidate');
  const off = attribute && ts.isJsxAttribute(attribute) && attribute.initializer?.getText() === '{false}';
  const fault = !attribute || off ? 'a <form> the browser validates in its own language: give it noValidate' : null;
  return [{ where: whereOf(source, node), fault }];
}

describe('renderer forms leave no check to the browser', () => {
  checkSites(rendererSites(formSites), 20, {
    finds: "finds the renderer's forms",
    none: 'makes every form noValidate, so that its own check words a problem in the UI language',
  });

  it('refuses a form without noValidate', () => {
    const fault = (code: string) => snippetFault(`const x = ${code};`, formSites);
    expectJudged(fault, {
      refused: [
        '<form onSubmit={submit}><input required /></form>',
        '<form><PassphraseField id="p" /></form>',
        '<form noValidate={false}><input type="url" /></form>',
        '<form />',
      ],
      passed: [
        '<form noValidate onSubmit={submit}><input required minLength={8} /></form>',
        '<form noValidate={true}><input pattern="[0-9]+" /></form>',
        '<div><input required /></div>',
      ],
    });
  });
});
