import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findImportCycles } from './import-cycles';

describe('import cycles', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the product has none: no file of shared/, main/, hub/ or renderer/ reaches back to itself through its imports', () => {
    expect(findImportCycles(['shared', 'main', 'hub', 'renderer'])).toEqual([]);
  });

  it('finds a cycle, type-only imports included, and leaves tests and one-way imports alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-cycles-'));
    dirs.push(dir);
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    };
    write('a.ts', "import type { B } from './b';\nexport type A = B;\n");
    write('b.ts', "import { c } from './sub';\nexport type B = string;\nexport const b = c;\n");
    write('sub/index.ts', "import type { A } from '../a';\nexport const c = 1;\nexport type C = A;\n");
    // d.ts and its test would be a cycle if tests counted; d only reaches the a-b-sub cycle, it is not part of it.
    write(
      'd.ts',
      "import { b } from './b';\nimport type { T } from './d.test';\nexport const d = b;\nexport type D = T;\n",
    );
    write('d.test.ts', "import { d } from './d';\nexport type T = typeof d;\n");
    expect(findImportCycles([dir])).toEqual([
      [path.join(dir, 'a.ts'), path.join(dir, 'b.ts'), path.join(dir, 'sub/index.ts')],
    ]);
  });
});
