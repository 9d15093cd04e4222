import fs from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// `npm ci` on the Node the README names must not warn about the packages the app runs on: canonicalize 5 and
// cookie 2 (through fastify's light-my-request) asked for Node ≥ 22 while the README said 20.19. Only the
// Electron download and rebuild tools (development, needing the internet anyway) may ask for more.
describe('runtime dependencies and the Node version the project names', () => {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; engines?: { node?: string } }>;
  };
  const oldest = semver.minVersion(pkg.engines.node);

  it('every runtime package supports the oldest Node that package.json and the README allow', () => {
    expect(oldest?.version).toBe('20.19.0');
    const refusing = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && !p.dev && p.engines?.node !== undefined)
      .filter(([, p]) => !semver.satisfies(oldest ?? '0.0.0', p.engines?.node ?? '*'))
      .map(([name, p]) => `${name}@${p.version ?? '?'} wants node ${p.engines?.node ?? ''}`);
    expect(refusing).toEqual([]);
  });

  it('the README names the same Node version', () => {
    expect(fs.readFileSync('README.md', 'utf8')).toContain(`Node ${oldest?.major}.${oldest?.minor}+`);
  });
});
