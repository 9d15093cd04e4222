import fc from 'fast-check';
import { SEED_VARIABLE } from './shared/seeded-random';

// Property tests (fast-check) draw from one seed per test file, like the suite's other random choices:
// SWDESK_TEST_SEED when set, else a fresh one. A failing property names it ({ seed: N, path: … }), and
// SWDESK_TEST_SEED=N npx vitest run <file> replays the file's properties as they ran. fast-check's own
// default mixes the clock into a seed that may be negative, which the variable cannot carry.
const given = process.env[SEED_VARIABLE];
if (given !== undefined && !/^\d+$/.test(given.trim()))
  throw new Error(`${SEED_VARIABLE} must be a whole number (the seed a test printed), not "${given}"`);
const seed = given !== undefined ? Number(given) >>> 0 : Math.floor(Math.random() * 2 ** 31);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
