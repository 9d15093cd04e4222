import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { DeskPage } from './pages/desk-page';

// The desktop app itself, driven by Playwright's Electron support: first-run setup, a declaration keyed and
// saved, quit, relaunch, the declaration is there, and SQLite's binding is the Electron build. It runs in
// the release workflow (.github/workflows/release.yml) on Windows, macOS and Linux (under xvfb), where
// Electron can be downloaded. Playwright drives the unpacked app (the repository's dist/ bundles and
// dist/native binding — what the installers ship) with the Electron binary from npm: the packaged app
// cannot be driven, since its nodeCliInspect fuse is off and Playwright attaches through it.

/** The Electron binary the electron package downloaded, or null where it could not (these machines). */
function electronBinary(): string | null {
  try {
    const dir = path.resolve('node_modules/electron');
    const binary = path.join(dir, 'dist', fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const missing = binary
  ? null
  : 'no Electron binary here (node_modules/electron has none: it cannot be downloaded on this machine); ' +
    'the release workflow runs this spec on Windows, macOS and Linux';
if (missing) console.log(`electron-smoke skipped: ${missing}`);

async function launch(dataDir: string, profileHome: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: binary ?? '',
    args: ['.', '--lang=zh-CN'],
    env: {
      ...process.env,
      SWDESK_DATA: dataDir,
      // Chromium's profile apart from the runner's own (Linux reads XDG_CONFIG_HOME).
      XDG_CONFIG_HOME: profileHome,
      ELECTRON_ENABLE_LOGGING: '1',
    },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

test.describe('the desktop app (Electron)', () => {
  test.skip(missing !== null, missing ?? '');

  test('first run, a declaration keyed and saved, quit, relaunch: it is there, on the Electron binding', async () => {
    test.slow();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-electron-'));
    const dataDir = path.join(root, 'data');
    const profileHome = path.join(root, 'config');
    try {
      let { app, page } = await launch(dataDir, profileHome);
      let ui = new DeskPage(page);
      await expect(page.getByRole('heading', { name: '欢迎使用 SW Desk' })).toBeVisible();
      await page.getByLabel('申报单位名称').fill('上海捷通报关有限公司');
      await page.getByLabel('海关编码（10位）').fill('3120980123');
      await page.getByLabel('统一社会信用代码').fill('91310115MA1H7AAA0F');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByLabel('录入员姓名').fill('王芳');
      await page.getByLabel('IC卡号').fill('8931000012345');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('button', { name: '暂不连接，离线工作' }).click();
      await expect(ui.connection()).toHaveText('未连接');

      await ui.newDeclaration();
      await ui.headField('TradeName').fill('上海鲜果贸易有限公司');
      await ui.waitSaved();
      const clientSeqNo = (await page.getByRole('heading', { level: 2 }).textContent())?.split('·')[1]?.trim() ?? '';
      expect(clientSeqNo).toMatch(/^SW\d{6}/);
      await app.close();

      ({ app, page } = await launch(dataDir, profileHome));
      ui = new DeskPage(page);
      await ui.openFromList(clientSeqNo);
      await expect(ui.headField('TradeName')).toHaveValue('上海鲜果贸易有限公司');

      // SQLite's native part in use is the Electron build in dist/native, not node_modules' Node build.
      const diagnostics = await page.evaluate(async () => {
        const bridge = (window as unknown as { swdesk: { invoke(m: string, i: unknown): Promise<unknown> } }).swdesk;
        return bridge.invoke('diagnostics.get', {});
      });
      const text = JSON.stringify(diagnostics);
      expect(text).toContain(path.join('dist', 'native', 'better_sqlite3.node').replaceAll('\\', '\\\\'));
      expect(text).not.toContain('the Node build');
      await app.close();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
