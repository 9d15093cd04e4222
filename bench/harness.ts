/** What one benchmark reports: named figures, the budget it is held to, and whether it met it. */
export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  budget: string;
  pass: boolean;
}

/** Each bench/*.bench.ts exports `run` returning its results. */
export type BenchRun = () => Promise<BenchResult[]>;

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Times `fn` `iterations` times after `warmup` runs; returns milliseconds per run. */
export async function sample(
  iterations: number,
  fn: (i: number) => unknown,
  warmup = Math.min(20, iterations),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A run's times as a bench reports them: p50, p95 and p99 in milliseconds, rounded. */
export function latencyFigures(times: readonly number[]): { p50_ms: number; p95_ms: number; p99_ms: number } {
  return {
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    p99_ms: round(percentile(times, 99)),
  };
}

/** A result held to a p95 budget in milliseconds: what the run found, its latency and how many runs it timed. */
export function p95Result(
  name: string,
  found: Record<string, number | string>,
  times: readonly number[],
  budgetMs: number,
): BenchResult {
  return {
    name,
    figures: { ...found, ...latencyFigures(times), runs: times.length },
    budget: `p95 ≤ ${budgetMs} ms`,
    pass: percentile(times, 95) <= budgetMs,
  };
}
