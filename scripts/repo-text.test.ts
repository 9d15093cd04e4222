import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Rules about the repository's own text that a reviewer would otherwise have to remember: comments give the
// reason, not a tracker number a newcomer cannot open; docs hold for any contributor's machine; CONTRIBUTING.md
// names every whole-tree reformat that blame skips.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const textFile = /\.(ts|tsx|mjs|js|cjs|css|html|md|yml|yaml)$/;
// Generated data and other people's text: not ours to word.
const skipped = new Set(['node_modules', '.git', 'dist', 'release', 'test-results', 'playwright-report', 'coverage']);
const generated = ['resources/code-tables/', 'resources/samples/'];

/** The repository's text files, relative to its root. */
function textFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name) && !entry.name.startsWith('.tmp')) walk(rel);
      } else if (textFile.test(entry.name) && !generated.some((prefix) => rel.startsWith(prefix))) out.push(rel);
    }
  };
  walk('');
  return out;
}

/** Each line citing a tracker number (the word issue, then a number), as `line: text`. */
function issueCitations(text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => [i + 1, line] as const)
    .filter(([, line]) => /\bissues?\s*#?\d/i.test(line))
    .map(([n, line]) => `${n}: ${line.trim()}`);
}

/** Each line naming a folder of one machine (a home folder, a build machine's work folder). */
function machinePaths(text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => [i + 1, line] as const)
    .filter(([, line]) => /(^|[\s(`'"])(\/(work|home|Users|tmp)\/|[A-Z]:\\Users\\)/.test(line))
    .map(([n, line]) => `${n}: ${line.trim()}`);
}

describe('the repository text', () => {
  const files = textFiles();

  it('finds its files', () => {
    expect(files).toEqual(expect.arrayContaining(['CONTRIBUTING.md', 'main/composition.ts', 'e2e/support/seen.ts']));
  });

  it('cites no issue number: a comment gives the reason itself', () => {
    // This file alone spells such citations out: its last test proves the finder on them.
    const found = files
      .filter((file) => file !== 'scripts/repo-text.test.ts')
      .flatMap((file) => issueCitations(fs.readFileSync(path.join(root, file), 'utf8')).map((hit) => `${file}:${hit}`));
    expect(found).toEqual([]);
  });

  it('names no folder of one machine in its docs', () => {
    const found = files
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) => machinePaths(fs.readFileSync(path.join(root, file), 'utf8')).map((hit) => `${file}:${hit}`));
    expect(found).toEqual([]);
  });

  it('CONTRIBUTING.md names every reformat blame skips (.git-blame-ignore-revs) and how to make blame skip it', () => {
    const revs = fs
      .readFileSync(path.join(root, '.git-blame-ignore-revs'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[0-9a-f]{40}$/.test(line));
    expect(revs.length).toBeGreaterThan(0);
    const contributing = fs.readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8');
    for (const rev of revs) expect(contributing).toContain(rev.slice(0, 7));
    expect(contributing).toContain('git config blame.ignoreRevsFile .git-blame-ignore-revs');
  });

  it('would catch what it looks for', () => {
    expect(
      issueCitations('const a = 1;\n// Repeat shipments (issue 5): copy\n/* Issue 6.5 */ // see issue #12'),
    ).toEqual(['2: // Repeat shipments (issue 5): copy', '3: /* Issue 6.5 */ // see issue #12']);
    expect(issueCitations('// an issue the hub refuses; 3 issues found')).toEqual([]);
    expect(machinePaths('Repository: /work/main.\nrun `cd /home/me/swdesk`\nuse /usr/bin/chromium')).toEqual([
      '1: Repository: /work/main.',
      '2: run `cd /home/me/swdesk`',
    ]);
  });
});
