// electron-builder's afterPack hook: the app folder is made, no installer yet. A package whose SQLite
// binding is not Electron's, or which is over its size budget, stops the build here.
import { installedElectron } from './native-module.mjs';
import { checkPackedResources, failIfAny, resourcesOf } from './package-checks.mjs';

export async function afterPack(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const electron = installedElectron(packager.projectDir);
  const packed = packager.info.framework.version;
  const versionFinding = {
    check: 'electron-version',
    ok: packed === electron.version,
    detail: `packaged Electron ${packed}; node_modules/electron (which the binding was built for) is ${electron.version}`,
  };
  const resources = resourcesOf(appOutDir, electronPlatformName, packager.appInfo.productFilename);
  const { findings } = checkPackedResources(resources, { electronAbi: electron.abi });
  for (const f of [versionFinding, ...findings])
    console.log(`  • package check ${f.ok ? 'ok' : 'FAILED'}: ${f.detail}`);
  failIfAny([versionFinding, ...findings], appOutDir);
}
