import ts from 'typescript';
import { describe, it } from 'vitest';
import type { Site } from './renderer-sources';
import { checkSites, expectJudged, rendererSites, rendererSources, snippetFault, whereOf } from './renderer-sources';

// What a screen reader announces and what a tooltip or an empty field shows is read by the broker as much as the
// page's text, so it is in the UI language too. This reads every JSX attribute of the renderer that carries such
// words (title, aria-label, aria-description, placeholder, alt, and the components' label/ariaLabel props that
// become one) and refuses a value whose words are fixed in the source in one language.
//
// The rule: a string literal (or the fixed part of a template) that can become the attribute's value may hold
// digits, symbols, punctuation and single letters (a column's letter "A", "×", "—", "1/2"), never two letters in a
// row of any script ("Search", "第 页", "https://hub.example.cn"): such text comes from the messages of the UI
// language (renderer/i18n). A literal that only decides something (`locale === 'en' ? …`, `messages[locale]`) is
// not a value and is not read; a local constant the attribute names is read as its value.

/** The JSX attributes whose value a broker reads or hears. */
const wordedAttributes = new Set([
  'title',
  'aria-label',
  'aria-description',
  'placeholder',
  'alt',
  'label',
  'ariaLabel',
]);

/** Two letters in a row of an alphabet, or one character of a script that writes a word with one (第, 页). */
const words = /\p{L}{2}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The first fixed text in a value position of `node` that holds words, or null. */
export function fixedWords(node: ts.Node, source: ts.SourceFile, seen: Set<string> | null = new Set()): string | null {
  const look = (n: ts.Node): string | null => fixedWords(n, source, seen);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) {
    return words.test(node.text) ? node.text : null;
  }
  if (ts.isTemplateExpression(node)) {
    const fixed = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
    if (words.test(fixed)) return fixed;
    return firstOf(
      node.templateSpans.map((s) => s.expression),
      look,
    );
  }
  if (ts.isJsxExpression(node)) return node.expression ? look(node.expression) : null;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) {
    return look(node.expression);
  }
  if (ts.isConditionalExpression(node)) return firstOf([node.whenTrue, node.whenFalse], look);
  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    const joins = [
      ts.SyntaxKind.PlusToken,
      ts.SyntaxKind.QuestionQuestionToken,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.AmpersandAmpersandToken,
    ];
    return joins.includes(kind) ? firstOf([node.left, node.right], look) : null;
  }
  if (ts.isArrayLiteralExpression(node)) return firstOf([...node.elements], look);
  if (ts.isCallExpression(node)) {
    // A call's literal arguments can end up in its result (`[a, 'cut'].join(' ')`); a name it is given is its input,
    // which it words itself (`labelOf(def, locale)`), so names are not followed into it.
    const callee = ts.isPropertyAccessExpression(node.expression) ? [node.expression.expression] : [];
    return firstOf([...callee, ...node.arguments], (n) => fixedWords(n, source, null));
  }
  if (ts.isIdentifier(node) && seen && !seen.has(node.text)) {
    seen.add(node.text);
    const value = localConstant(source, node.text);
    return value ? look(value) : null;
  }
  return null;
}

function firstOf(nodes: readonly ts.Node[], look: (n: ts.Node) => string | null): string | null {
  for (const n of nodes) {
    const found = look(n);
    if (found !== null) return found;
  }
  return null;
}

/** The initializer of a `const name = …` in the file, if there is exactly one. */
function localConstant(source: ts.SourceFile, name: string): ts.Expression | null {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) {
      if (ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const)
        found.push(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.length === 1 ? (found[0] ?? null) : null;
}

export function attributeSite(node: ts.Node, source: ts.SourceFile): Site[] {
  if (!ts.isJsxAttribute(node) || !ts.isIdentifier(node.name) || !wordedAttributes.has(node.name.text)) return [];
  const fixed = node.initializer ? fixedWords(node.initializer, source) : null;
  return [{ where: whereOf(source, node), fault: fixed === null ? null : `${node.name.text}: "${fixed}"` }];
}

describe('every title, label, placeholder and alt text the renderer sets is in the UI language', () => {
  // Dialogs' titles, the grid's and lists' row labels, the lookups' buttons, the settings' fields.
  const files = rendererSources().filter((file) => file.endsWith('.tsx'));
  checkSites(rendererSites(attributeSite, files), 100, {
    finds: 'finds the attributes the renderer sets',
    none: 'words none of them in a language fixed in the source',
  });

  it('tells fixed words from codes, symbols and words of the UI language', () => {
    const fault = (attribute: string) => snippetFault(`const label = 'Lookup';\n<x ${attribute} />`, attributeSite);
    expectJudged(fault, {
      refused: [
        'title="Delete"',
        'aria-label={`第 ${p + 1} 页`}',
        'placeholder="https://hub.example.cn"',
        "alt={done ? t.done : 'pending'}",
        "title={name ?? 'Unnamed'}",
        'aria-label={label}',
        "title={[a, 'cut'].join(' ')}",
      ],
      passed: [
        'title={t.sortBy(column)}',
        'aria-label={`${t.target} ${c.letter}`}',
        "title={[a, b].join(' — ')}",
        "aria-label={ft.undo(locale === 'en' ? group.en : group.zh)}",
        'title="×"',
        'alt="A"',
        'title={messages[locale].close}',
      ],
    });
  });
});
