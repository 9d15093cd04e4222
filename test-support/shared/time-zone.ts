import { afterEach } from 'vitest';

/**
 * Lets the tests of this file set the machine's time zone (`process.env.TZ`, which Node reads again when it is set)
 * and puts the zone the run started with back after each test: a test that depends on the machine's clock then
 * states the zone it expects instead of passing only where the machine happens to run UTC (as CI does), and the
 * files that share a process with it are not left in another zone.
 */
export function restoreTimeZoneAfterEach(): void {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
}
