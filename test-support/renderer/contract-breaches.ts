/**
 * Where a fake call, a fake answer or a fake event broke the contract (shared/api/contract.ts), since
 * the last `takeContractBreaches()`. The renderer project's setup (setup.ts) fails the test after
 * each one that left any: a breach thrown into the page may be caught and shown as an error, which a
 * test could even expect, so throwing alone would not fail it.
 *
 * The list is kept on globalThis: the renderer's files share a worker process and each imports the app's modules
 * (this one too) afresh, so a module-level list would be another instance in the file than in the set-up.
 */
const key = Symbol.for('swdesk.fake-bridge.contract-breaches');
const holder = globalThis as typeof globalThis & { [key]?: string[] };
const breaches: string[] = (holder[key] ??= []);

export function recordContractBreach(breach: string): void {
  breaches.push(breach);
}

export function takeContractBreaches(): string[] {
  return breaches.splice(0);
}
