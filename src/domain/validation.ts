import type { PlatformId } from './platforms.ts';

/** One platform rule checked against one decoded file. */
export interface ValidationCheck {
  /** Stable rule id, e.g. `dimensions`, `frame_count`, `duration`, `bytes`. */
  rule: string;
  ok: boolean;
  /** Human-readable: what was expected and what the file has. */
  message: string;
}

/** The result of decoding one output file and checking every rule of its platform. */
export interface ValidationReport {
  platform: PlatformId;
  ok: boolean;
  bytes: number;
  checks: ValidationCheck[];
}
