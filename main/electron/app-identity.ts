/**
 * The app's identity as the installers give it (electron-builder.yml appId / productName;
 * scripts/electron-builder.test.ts holds them equal). Windows ties notifications to the app id.
 */
export const APP_ID = 'cn.swdesk.desktop';
export const PRODUCT_NAME = 'SW Desk';
