// `npm run bench [-- <name filter>]`: runs every bench/*.bench.ts and prints
// its figures against the budgets in ARCHITECTURE.md. Results are recorded by
// hand in bench/README.md with the machine and date.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult, BenchRun } from './harness';

const dir = path.dirname(new URL(import.meta.url).pathname);
const filter = process.argv[2];
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

console.log(
  `swdesk bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
let allPass = true;
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: BenchRun };
  const results: BenchResult[] = await mod.run();
  for (const r of results) {
    allPass &&= r.pass;
    const figures = Object.entries(r.figures)
      .map(([k, v]) => `${k}=${v}`)
      .join('  ');
    console.log(`${r.pass ? 'PASS' : 'MISS'}  ${r.name}: ${figures}  (budget: ${r.budget})`);
  }
}
console.log(allPass ? 'all budgets met' : 'some budgets missed');
