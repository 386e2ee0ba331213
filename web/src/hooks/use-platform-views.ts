import { useState } from 'react';
import type { Job, PlatformInfo } from '../api.ts';
import { madePlatforms } from '../lib/job-events.ts';
import { type PlatformView, platformView } from '../lib/platform-view.ts';
import { useConfig } from './use-config.ts';

export interface PlatformViews {
  /** The platform catalog, or null while (or if) it does not load. */
  catalog: readonly PlatformInfo[] | null;
  /** The platforms the job makes, in its order. */
  made: string[];
  views: PlatformView[];
  /** The platform shown: the tab the user picked, else the first made platform. */
  view: PlatformView | undefined;
  pick: (id: string) => void;
}

/** A job's platforms as its tabs show them, and which tab is selected. */
export function usePlatformViews(job: Pick<Job, 'platforms' | 'unavailable'>): PlatformViews {
  const config = useConfig();
  const catalog = config.status === 'ready' ? config.config.platforms : null;
  const made = madePlatforms(job);
  const views = job.platforms.map((id) => platformView(id, job, catalog));
  // Until the user picks a tab, follow the first made platform (a platform may turn out unavailable mid-job).
  const [picked, setPicked] = useState<string | null>(null);
  const view = views.find((v) => v.id === (picked ?? made[0])) ?? views[0];
  return { catalog, made, views, view, pick: setPicked };
}
