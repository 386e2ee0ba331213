import type { QuotaConfig } from '../config/config.ts';
import type { EventsRepository } from '../db/events.repository.ts';
import type { UsageRepository } from '../db/usage.repository.ts';
import { AppError } from '../domain/errors.ts';
import type { JobAdmission } from '../pipeline/jobs.service.ts';
import type { RenderAdmission } from '../pipeline/refine.service.ts';

const DAY_MS = 86_400_000;
/** How soon to suggest retrying while a job runs: a typical set renders in a few seconds to a minute. */
const RUNNING_RETRY_SECONDS = 30;

/** What `GET /api/me` reports; a null limit means no limit. */
export interface QuotaUsage {
  runningJobs: { used: number; limit: number | null };
  dailyEmojis: { used: number; limit: number | null; resetsAt: string };
  requestsPerMinute: { limit: number | null };
}

/** The quota day containing `now`: it starts at midnight `offsetMinutes` east of UTC. */
export function quotaDay(now: number, offsetMinutes: number): { start: number; end: number } {
  const offset = offsetMinutes * 60_000;
  const start = Math.floor((now + offset) / DAY_MS) * DAY_MS - offset;
  return { start, end: start + DAY_MS };
}

/**
 * Per-user cost limits on job creation: jobs not yet finished, and emojis per
 * day. Emojis of a failed job, and failed emojis of a running one, stop
 * counting: a render that fails is refunded.
 */
export class QuotaService implements JobAdmission, RenderAdmission {
  constructor(
    private readonly usageRepo: UsageRepository,
    private readonly events: EventsRepository,
    private readonly config: QuotaConfig,
  ) {}

  /** The user's usage against every limit. */
  usage(userId: string, now: number): QuotaUsage {
    const day = quotaDay(now, this.config.dayOffsetMinutes);
    return {
      runningJobs: { used: this.usageRepo.runningJobs(userId), limit: this.config.maxRunningJobs },
      dailyEmojis: {
        used: this.usageRepo.emojisSince(userId, day.start),
        limit: this.config.dailyEmojis,
        resetsAt: new Date(day.end).toISOString(),
      },
      requestsPerMinute: { limit: this.config.requestsPerMinute },
    };
  }

  /** Throws a 429 AppError (and records `quota.exceeded`) when a new job of `emojiCount` emojis is over a limit. */
  admit(userId: string, emojiCount: number, requestId: string | undefined, now: number): void {
    const { maxRunningJobs } = this.config;
    if (maxRunningJobs !== null) {
      const running = this.usageRepo.runningJobs(userId);
      if (running >= maxRunningJobs) {
        this.refuse(userId, requestId, now, 'running_jobs', {
          code: 'quota_running_jobs',
          message:
            `running job limit: at most ${maxRunningJobs} unfinished job${maxRunningJobs > 1 ? 's' : ''} at a time; ` +
            'start the next set when the current one finishes',
          retryAfterSeconds: RUNNING_RETRY_SECONDS,
        });
      }
    }
    this.admitRenders(userId, emojiCount, requestId, now);
  }

  /**
   * The daily limit alone, for re-rendering emojis of a set that exists: a re-render
   * is one more emoji today, but it is not another running job.
   */
  admitRenders(userId: string, emojiCount: number, requestId: string | undefined, now: number): void {
    const { dailyEmojis } = this.config;
    if (dailyEmojis !== null) {
      const day = quotaDay(now, this.config.dayOffsetMinutes);
      const used = this.usageRepo.emojisSince(userId, day.start);
      if (used + emojiCount > dailyEmojis) {
        const resetsAt = new Date(day.end).toISOString();
        this.refuse(userId, requestId, now, 'daily_emojis', {
          code: 'quota_daily_emojis',
          message:
            `daily emoji limit: ${dailyEmojis} emojis a day, ${used} used, this needs ${emojiCount}; ` +
            `the limit resets at ${resetsAt}`,
          retryAfterSeconds: Math.max(1, Math.ceil((day.end - now) / 1000)),
        });
      }
    }
  }

  private refuse(
    userId: string,
    requestId: string | undefined,
    now: number,
    limit: string,
    e: { code: 'quota_running_jobs' | 'quota_daily_emojis'; message: string; retryAfterSeconds: number },
  ): never {
    this.events.append({
      userId,
      jobId: null,
      type: 'quota.exceeded',
      payload: { limit, retryAfterSeconds: e.retryAfterSeconds },
      requestId,
      now,
    });
    throw new AppError(e.code, e.message, { retryAfterSeconds: e.retryAfterSeconds });
  }
}
