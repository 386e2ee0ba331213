import type { ChildProcess } from 'node:child_process';

/** What one run of a binary gave back. */
export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

export function runProcess(
  bin: string,
  args: readonly string[],
  stdin: readonly Uint8Array[],
  timeoutMs: number,
  running?: Set<ChildProcess>,
): Promise<Outcome>;
