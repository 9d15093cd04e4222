import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

// What the static tests of the renderer's wording (notices, caught failures) read: every product source file of the
// renderer parsed, and where in it a call stands.

export const rendererRoot = path.resolve(__dirname, '../renderer');

/** A call the test judged: where it stands, and what is wrong with it (null when nothing is). */
export interface Site {
  where: string;
  fault: string | null;
}

/** Every .ts/.tsx file below `dir` that is not a test. */
export function rendererSources(dir: string = rendererRoot): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return rendererSources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

export function parseSource(file: string): ts.SourceFile {
  return parseText(fs.readFileSync(file, 'utf8'), file);
}

/** Source text parsed as the renderer's files are; `file` names it, and its ending allows JSX (.tsx) or not. */
export function parseText(text: string, file = 'snippet.ts'): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

/** The call a one-statement snippet makes (`setError(e.message)`), for a test of what a scan judges. */
export function snippetCall(code: string): ts.CallExpression {
  return (parseText(code).statements[0] as ts.ExpressionStatement).expression as ts.CallExpression;
}

/** file:line of a node, relative to the renderer. */
export function whereOf(source: ts.SourceFile, node: ts.Node): string {
  return `${path.relative(rendererRoot, source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

/** Whether `name` is read anywhere in `node`. */
export function reads(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name) return true;
  return ts.forEachChild(node, (child) => (reads(child, name) ? true : undefined)) ?? false;
}

/** Every site `judge` finds at or below `root`: it is shown each node, and answers the sites that node stands for. */
export function sitesBelow(root: ts.Node, judge: (node: ts.Node) => Site[]): Site[] {
  const sites: Site[] = [];
  const visit = (node: ts.Node): void => {
    sites.push(...judge(node));
    ts.forEachChild(node, visit);
  };
  visit(root);
  return sites;
}

/** A scan's judge: shown each node with the file it stands in (for `whereOf`), it answers the sites the node is. */
export type FileJudge = (node: ts.Node, source: ts.SourceFile) => Site[];

function sitesIn(source: ts.SourceFile, judge: FileJudge): Site[] {
  return sitesBelow(source, (node) => judge(node, source));
}

/** Every site a scan finds in the renderer's product files (or in `files`): each file parsed and walked by `judge`. */
export function rendererSites(judge: FileJudge, files: readonly string[] = rendererSources()): Site[] {
  return files.flatMap((file) => sitesIn(parseSource(file), judge));
}

/**
 * What a scan's judge finds wrong in a snippet parsed as a .tsx file, as the scan reads the renderer's files: the
 * fault of the first site it finds (null when that site is sound, or when there is none).
 */
export function snippetFault(code: string, judge: FileJudge): string | null {
  return sitesIn(parseText(code, 'snippet.tsx'), judge)[0]?.fault ?? null;
}

/**
 * The two checks each static test makes of the sites it read: that it found them (more than `atLeast`, since a reading
 * that found none would pass the second), and that none is at fault.
 */
export function checkSites(sites: readonly Site[], atLeast: number, names: { finds: string; none: string }): void {
  it(names.finds, () => {
    expect(sites.length).toBeGreaterThan(atLeast);
  });
  it(names.none, () => {
    expect(sites.filter((s) => s.fault !== null)).toEqual([]);
  });
}

/** A scan's judge tried on snippets: it finds a fault in each of `refused`, none in `passed` (a failure names it). */
export function expectJudged(
  fault: (snippet: string) => string | null,
  cases: { refused: readonly string[]; passed: readonly string[] },
): void {
  for (const snippet of cases.refused) expect(fault(snippet), snippet).not.toBeNull();
  for (const snippet of cases.passed) expect(fault(snippet), snippet).toBeNull();
}
