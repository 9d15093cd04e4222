/** The environment variable that replays a run: every seeded test uses the seed it names. */
export const SEED_VARIABLE = 'SWDESK_TEST_SEED';

export interface SeededRandom {
  readonly seed: number;
  /** [0, 1), like Math.random. */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** `n` random bytes (for keys, ids and nonces a replay must repeat). */
  bytes(n: number): Uint8Array;
}

/** mulberry32: small, fast and the same on every platform for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A test's source of random choices: every choice comes from one seed, which is printed with the
 * test's name so that a failing run can be replayed (`SWDESK_TEST_SEED=<seed> npx vitest run <file>`).
 * The seed is SWDESK_TEST_SEED when set; otherwise `fixed` when the test keeps one seed on purpose
 * (its thresholds were tuned on it), or a fresh one so that runs explore different choices.
 */
export function seededRandom(name: string, fixed?: number): SeededRandom {
  const given = process.env[SEED_VARIABLE];
  if (given !== undefined && !/^\d+$/.test(given.trim()))
    throw new Error(`${SEED_VARIABLE} must be a whole number (the seed a test printed), not "${given}"`);
  const seed = given !== undefined ? Number(given) >>> 0 : (fixed ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
  console.info(`${name}: random choices from seed ${seed} (replay: ${SEED_VARIABLE}=${seed})`);
  return randomFromSeed(seed);
}

/** The choices of one seed, unlogged: for a test that compares two runs of the same seed. */
export function randomFromSeed(seed: number): SeededRandom {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    seed: seed >>> 0,
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    bytes: (n) => Uint8Array.from({ length: n }, () => int(256)),
  };
}
