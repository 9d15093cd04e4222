// Type-checks each zone with its own platform (shared: none, renderer: DOM,
// main and hub: Node), then the whole repository with tests and tooling.
import { spawnSync } from 'node:child_process';

const projects = [
  'shared/tsconfig.json',
  'renderer/tsconfig.json',
  'main/tsconfig.json',
  'hub/tsconfig.json',
  'tsconfig.json',
];
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`typecheck failed: ${project}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
