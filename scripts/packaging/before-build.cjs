// electron-builder's beforeBuild hook. Answering false means "node_modules are handled here": the
// builder then neither rebuilds nor copies them. The app needs none — main and renderer are bundles,
// and SQLite's native part is built for Electron by `npm run electron:binding` (dist/native).
'use strict';
exports.beforeBuild = async function beforeBuild() {
  return false;
};
