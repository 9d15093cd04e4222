/**
 * What is wrong with a text that is not well-formed XML, as a kind a broker can be told. The XML parser's own words
 * (English, about its state) travel beside it as `detail`, for support only.
 */
export const xmlProblems = [
  'unclosed-tag',
  'mismatched-end-tag',
  'text-outside-root',
  'empty',
  'unexpected-end',
  'bad-character',
  'bad-entity',
  'bad-attribute',
  'doctype',
  'bad-namespace',
  'bad-declaration',
  'syntax',
] as const;
export type XmlProblem = (typeof xmlProblems)[number];

/** Each kind from the parser's message (saxes words them so; the first rule that matches wins). */
const rules: readonly [RegExp, XmlProblem][] = [
  [/^unclosed tag/i, 'unclosed-tag'],
  [/close tag|closing tag/i, 'mismatched-end-tag'],
  [/outside of root|only one root|before root/i, 'text-outside-root'],
  [/must contain a root|holds no XML element/i, 'empty'],
  [/unexpected end/i, 'unexpected-end'],
  [/doctype/i, 'doctype'],
  [/entity/i, 'bad-entity'],
  [/attribute|value must be quoted|value required|name\/value/i, 'bad-attribute'],
  [/namespace|prefix|xmlns/i, 'bad-namespace'],
  [/XML declaration|version number|standalone|encoding/i, 'bad-declaration'],
  [/disallowed|malformed name|\]\]>/i, 'bad-character'],
];

export function xmlProblemOf(parserMessage: string): XmlProblem {
  return rules.find(([pattern]) => pattern.test(parserMessage))?.[1] ?? 'syntax';
}

const en: Record<XmlProblem, string> = {
  'unclosed-tag': 'an element is not closed',
  'mismatched-end-tag': 'an end tag does not match the element it closes',
  'text-outside-root': 'there is text or a second element outside the root element',
  empty: 'it holds no XML element',
  'unexpected-end': 'the file ends in the middle of the XML',
  'bad-character': 'a character XML does not allow there',
  'bad-entity': 'an unknown or malformed entity (&…;)',
  'bad-attribute': 'a malformed attribute (unquoted, repeated or without a value)',
  doctype: 'a DOCTYPE declaration, which is not allowed',
  'bad-namespace': 'a namespace prefix that is not declared',
  'bad-declaration': 'a malformed XML declaration (<?xml …?>)',
  syntax: 'a syntax error',
};

/** The kind in English; a kind this version does not know (a message kept by another version) is a syntax error. */
export function xmlProblemEn(kind: string): string {
  return Object.hasOwn(en, kind) ? en[kind as XmlProblem] : en.syntax;
}
