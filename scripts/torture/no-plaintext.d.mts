export function noPlaintextTrial(options: {
  dir: string;
  rounds?: number;
  restores?: number;
  random?: () => number;
  log?: (line: string) => void;
}): Promise<{ line: string; problems: string[]; notes: string[]; figures: Record<string, number> }>;
export function filesHolding(folder: string, marker: string): Promise<string[]>;
