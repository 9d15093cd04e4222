export type TestEntry = 'hub' | 'serve' | 'cli' | 'crash-worker' | 'processor-process';
export declare const testEntries: Record<TestEntry, { entry: string; options: Record<string, unknown> }>;
export declare function buildTestBundles(): Promise<Record<TestEntry, string>>;
export declare function entryArgs(name: TestEntry): string[];
export declare function bundle(
  name: string,
  target: { entry: string; options: Record<string, unknown> },
  root?: string,
): Promise<{ file: string; built: boolean }>;
