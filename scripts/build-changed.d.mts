/** Types of build-changed.mjs, for its test. */
export interface Part {
  name: string;
  out: string;
  made: string;
  sources: string[];
  build: [string, string[]];
}
export const parts: Part[];
export function staleReason(part: Part, at?: string): string | null;
