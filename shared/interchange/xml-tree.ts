import { SaxesParser } from 'saxes';
import type { XmlProblem } from '../api/reasons/xml-problems';
import { xmlProblemOf } from '../api/reasons/xml-problems';

/** One element of a parsed document: local name, namespace, attributes by local name, children and text. */
export interface XmlElement {
  readonly name: string;
  /** Namespace URI ('' when none). */
  readonly uri: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own character data (text and CDATA), concatenated; '' for an empty element. */
  text: string;
  /** 1-based line of the start tag, for messages that point into the file. */
  readonly line: number;
}

/** The reason a text is not well-formed XML, with where the parser stopped and the kind a broker is told. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  readonly kind: XmlProblem;
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.kind = xmlProblemOf(message);
  }
}

/**
 * Parses a whole document into a small tree with saxes: strict XML 1.0 well-formedness (a
 * truncated file, a wrong closing tag, an undeclared prefix all fail with line and column) and
 * namespaces resolved, so `<ns0:DecMessage xmlns:ns0="…">` and `<DecMessage xmlns="…">` read the
 * same. A leading byte-order mark is dropped. A DOCTYPE is refused: no message here needs one,
 * and refusing it rules out entity tricks.
 */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: XmlSyntaxError | null = null;

  parser.on('error', (error) => {
    failure ??= new XmlSyntaxError(error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''), parser.line, parser.column);
  });
  parser.on('doctype', () => {
    failure ??= new XmlSyntaxError('a DOCTYPE declaration is not allowed here', parser.line, parser.column);
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attributes[attr.local] = attr.value;
    }
    const element: XmlElement = {
      name: tag.local,
      uri: tag.uri,
      attributes,
      children: [],
      text: '',
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  const addText = (text: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });

  try {
    parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  } catch (error) {
    // saxes reports through the error handler and may also throw; the first report wins.
    failure ??= new XmlSyntaxError(error instanceof Error ? error.message : String(error), parser.line, parser.column);
  }
  if (failure) throw failure;
  if (!root) throw new XmlSyntaxError('the file holds no XML element', parser.line, parser.column);
  return root;
}

/** Whether an element has character data other than whitespace (formatting between child elements). */
export function hasText(element: XmlElement): boolean {
  return element.text.trim() !== '';
}
