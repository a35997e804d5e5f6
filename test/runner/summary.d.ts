// Types of summary.js for the tests that drive it (the runner itself is plain JavaScript, run by node).
export interface TierDefinition {
  name: string;
  config: string;
  suffix: string;
  infrastructure: boolean;
  workers: number;
}

export function closingLines(options: { results: string; asked?: string[]; root?: string; tierList?: TierDefinition[] }): {
  lines: string[];
  passed: number;
  failed: number;
  skipped: number;
};

export function declaredTests(root: string, file: string): number;
