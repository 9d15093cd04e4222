export interface BuiltTarget {
  entry: string;
  out: string;
}
export declare const targets: Record<'serve' | 'hub' | 'cli', BuiltTarget>;
export declare function stale(target: BuiltTarget): boolean;
export declare function buildTarget(target: BuiltTarget): Promise<void>;
