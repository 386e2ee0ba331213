import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';

/**
 * The per-emoji knobs a request may carry, as loose as JSON allows: the jobs and
 * refine services check their ranges and name the emoji in their errors. `null`
 * clears a knob on a regenerate.
 */
export const EMOJI_KNOBS = {
  caption: z.string().max(200).nullish(),
  accent: z.string().max(20).nullish(),
  speed: z.number().nullish(),
  intensity: z.number().nullish(),
};

/** Parses `value` with `schema`, or a 400 that names the first bad field (under `prefix`). */
export function parseFields<T>(schema: z.ZodType<T>, value: unknown, prefix = ''): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = [prefix, ...(issue?.path ?? [])].filter((p) => p !== '').join('.');
    throw new AppError('bad_request', `invalid field ${where || '(body)'}: ${issue?.message}`);
  }
  return parsed.data;
}
