// Type-checks each zone with its own platform (shared: none, renderer: DOM,
// main and hub: Node), then the whole repository with tests and tooling.
import { spawn } from 'node:child_process';

// The whole-repository check is about as much work as the four zone checks together (some 32 s of CPU against 33),
// and each tsc is single-threaded: run one after the other, the typecheck was the last of `npm test`'s static steps
// to finish, alone on one core for about a third of the phase. Two lanes: the whole repository in one, the zones one
// after another in the other.
const lanes = [
  ['tsconfig.json'],
  ['shared/tsconfig.json', 'renderer/tsconfig.json', 'main/tsconfig.json', 'hub/tsconfig.json'],
];

/** Runs tsc on one project, its output held back so that the lanes' reports do not interleave. */
function check(project) {
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => resolve({ project, ok: code === 0, output: Buffer.concat(chunks) }));
  });
}

async function lane(projects) {
  const results = [];
  for (const project of projects) results.push(await check(project));
  return results;
}

let failed = false;
for (const { project, ok, output } of (await Promise.all(lanes.map(lane))).flat()) {
  process.stdout.write(output);
  if (!ok) {
    console.error(`typecheck failed: ${project}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
