/**
 * Capped exponential backoff with full jitter (AWS Architecture Blog,
 * "Exponential Backoff and Jitter"): the wait is uniform in [0, min(cap, base·2^n)],
 * so many clients coming back at once do not retry in lockstep. A server's
 * Retry-After is a floor.
 */
export function backoffDelay(
  attempt: number,
  options: { baseMs: number; maxMs: number; random?: () => number; retryAfterMs?: number | null },
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor((options.random ?? Math.random)() * ceiling);
  return Math.max(jittered, options.retryAfterMs ?? 0);
}
