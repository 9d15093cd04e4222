// `npm run serve | hub | cli`: the browser host, the hub's commands and the CLI start from JavaScript built once
// with esbuild (well under a second), not from TypeScript compiled by tsx at every start (8–14 s for a hub
// command on these machines). A bundle is built again when a file it was made from is newer than it (esbuild's
// metafile lists them); dependencies stay in node_modules. Usage: node scripts/run-built.mjs <name> [args…]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

// Each bundle sits as deep below the checkout as its entry does, so the paths the code finds from its own file
// (the served renderer two levels up from main/serve, the hub's package.json one level up from hub/) stay right.
export const targets = {
  serve: { entry: 'main/serve/cli.ts', out: 'dist/serve/cli.mjs' },
  hub: { entry: 'hub/cli.ts', out: 'dist/hub.mjs' },
  cli: { entry: 'main/cli/cli.ts', out: 'dist/cli/cli.mjs' },
};

/** Whether the bundle is missing or older than a file it was built from. */
export function stale(target) {
  const out = path.resolve(root, target.out);
  try {
    const built = fs.statSync(out).mtimeMs;
    const inputs = Object.keys(JSON.parse(fs.readFileSync(`${out}.inputs.json`, 'utf8')));
    return inputs.some((input) => fs.statSync(path.resolve(root, input)).mtimeMs > built);
  } catch {
    return true;
  }
}

/**
 * Builds the bundle (the entry written beside, then renamed over, so a run that starts meanwhile never reads
 * half a file). Code split: what the program loads with `import()` only on some paths (the PostgreSQL store and
 * its driver, for one) goes to chunks of its own beside the entry, named by content hash, and a command that
 * never takes that path never loads it — a bundle of one file hoists every dependency's import to the top.
 */
export async function buildTarget(target) {
  const out = path.resolve(root, target.out);
  const dir = path.dirname(out);
  fs.mkdirSync(dir, { recursive: true });
  const base = path.basename(out, '.mjs');
  const tempName = `${base}.${process.pid}.tmp`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: [target.entry],
    outdir: dir,
    entryNames: tempName,
    // Beside the entry (code finds files from its own path, so depth matters), named after it.
    chunkNames: `${base}.chunk.[name]-[hash]`,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  fs.writeFileSync(`${out}.inputs.json`, JSON.stringify(result.metafile.inputs));
  fs.renameSync(path.join(dir, `${tempName}.mjs`), out);
  // Chunks of earlier builds (another hash) are no longer imported by anything: remove them.
  const current = new Set(Object.keys(result.metafile.outputs).map((file) => path.basename(file)));
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(`${base}.chunk.`) && !current.has(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const target = targets[name ?? ''];
  if (!target) {
    console.error(`usage: node scripts/run-built.mjs ${Object.keys(targets).join('|')} [args…]`);
    process.exit(2);
  }
  if (stale(target)) await buildTarget(target);
  // The bundle runs in this process, as if started directly (the CLI checks that it is the main module).
  const out = path.resolve(root, target.out);
  process.argv = [process.argv[0] ?? 'node', out, ...args];
  await import(pathToFileURL(out).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
