// Starts a CommonJS bundle with V8's code cache kept beside it (`<bundle>.v8-cache`): the crash test starts its
// five-megabyte worker some two hundred times, and compiling it from source was a fair part of each start. The
// first start writes the cache (after the bundle's top level ran, so the functions it called are in it); a cache
// V8 rejects (another Node, another bundle) is written again. Usage: node run-with-code-cache.cjs <bundle> [args…]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.resolve(process.argv[2] ?? '');
// The bundle reads its arguments from process.argv.slice(2), as if node had started it directly.
process.argv.splice(1, 1);
const cacheFile = `${file}.v8-cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined; // the first start: compiled from source, then cached
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const module_ = new Module(file, null);
module_.filename = file;
module_.paths = Module._nodeModulePaths(path.dirname(file));
process.mainModule = module_;
require.main = module_;
script.runInThisContext()(module_.exports, Module.createRequire(file), module_, file, path.dirname(file));
if (cachedData === undefined || script.cachedDataRejected) {
  // Beside, then renamed over: a start running at the same time never reads half a cache.
  const temp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(temp, script.createCachedData());
  fs.renameSync(temp, cacheFile);
}
