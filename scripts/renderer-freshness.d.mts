export declare function staleRendererReason(root: string): string | null;
