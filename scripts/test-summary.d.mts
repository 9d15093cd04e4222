export interface TestCounts {
  passed: number;
  failed: number;
  unloaded: number;
}
export function countResults(vitest: unknown, playwright: unknown): TestCounts;
export function summaryLine(counts: TestCounts, stepsOk: boolean): string;
