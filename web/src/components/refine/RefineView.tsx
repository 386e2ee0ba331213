import { type CSSProperties, useMemo } from 'react';
import type { PlatformInfo } from '../../api.ts';
import { useConfig } from '../../hooks/use-config.ts';
import { useElementWidth } from '../../hooks/use-element-width.ts';
import { usePlatformViews } from '../../hooks/use-platform-views.ts';
import type { RefineJobHandle } from '../../hooks/use-refine-job.ts';
import { dimensions, formatName } from '../../lib/platform-rules.ts';
import type { PlatformView } from '../../lib/platform-view.ts';
import { describeScale, previewSize } from '../../lib/preview-size.ts';
import { failureFromReply } from '../../lib/refine-events.ts';
import type { RefineJob } from '../../refine-api.ts';
import { PlatformUnavailable } from '../JobOutcome.tsx';
import { PlatformTabs } from '../PlatformTabs.tsx';
import { ApprovedDownload } from './ApprovedDownload.tsx';
import { MatteEditor } from './MatteEditor.tsx';
import { RefineEmojiCard } from './RefineEmojiCard.tsx';
import { SetSummary } from './SetSummary.tsx';

/** Largest picture in a card: a 128 px GIF at 2×, a 512 px sticker at half size. */
const MAX_MEDIA = 256;
/** Narrowest card, so the action buttons sit two a row; and a card's padding plus border, as in refine.css. */
const MIN_CARD = 260;
const GAP = 16;
const CARD_EDGE = 26;

type Actions = Pick<RefineJobHandle, 'failed' | 'reload' | 'update'>;

/** The refine page's body: the set's summary, the matte touch-up, and a tab per platform of emoji cards. */
export function RefineView({ job, failed, reload, update }: { job: RefineJob } & Actions) {
  const { catalog, made, views, view, pick } = usePlatformViews(job);
  const panel = view && (
    <PlatformPanel
      key={view.id}
      job={job}
      view={view}
      rules={catalog?.find((p) => p.id === view.id) ?? null}
      firstPlatform={made[0]}
      failed={failed}
      reload={reload}
      update={update}
    />
  );
  return (
    <div className="stack">
      <SetSummary job={job} onChanged={reload} />
      {job.matteEditable && (
        <MatteEditor jobId={job.id} edits={job.matteEdits} emojiCount={job.emojis.length} onEdited={reload} />
      )}
      {views.length > 1 ? (
        <PlatformTabs
          tabs={views.map((v) => ({ id: v.id, label: v.name, note: v.unavailable ? 'not made' : undefined }))}
          selected={view?.id ?? ''}
          onSelect={pick}
        >
          {panel}
        </PlatformTabs>
      ) : (
        panel
      )}
    </div>
  );
}

interface PlatformPanelProps extends Actions {
  job: RefineJob;
  view: PlatformView;
  rules: PlatformInfo | null;
  firstPlatform: string | undefined;
}

/** One platform's approved download and its emojis, each shown as that platform's file. */
function PlatformPanel({ job, view, rules, firstPlatform, failed, reload, update }: PlatformPanelProps) {
  const config = useConfig();
  const actions = config.status === 'ready' ? config.config.actions : [];
  const emojis = useMemo(() => [...job.emojis].sort((a, b) => a.index - b.index), [job.emojis]);
  const [ref, width] = useElementWidth<HTMLOListElement>();
  if (view.unavailable) return <PlatformUnavailable platform={view} />;

  const columns = width > 0 ? Math.max(1, Math.floor((width + GAP) / (MIN_CARD + GAP))) : 1;
  const room = width > 0 ? Math.floor((width - GAP * (columns - 1)) / columns) - CARD_EDGE : MAX_MEDIA;
  const display = previewSize(view.native, room, MAX_MEDIA);
  const onApproved = (index: number, approved: boolean) =>
    update((j) => ({
      ...j,
      emojis: j.emojis.map((e) => (e.index === index ? { ...e, approved } : e)),
      counts: { ...j.counts, approved: j.counts.approved + (approved ? 1 : -1) },
    }));

  return (
    <div className="stack">
      <ApprovedDownload job={job} platform={view} rules={rules} />
      <p className="muted emoji-grid__caption">
        {formatName(view.format)} · {dimensions(view.native, view.native)} px, shown{' '}
        {describeScale(display.size, view.native)}
      </p>
      <ol
        ref={ref}
        className="refine-grid"
        aria-label={`Emojis for ${view.name}`}
        style={{ '--media': `${display.size}px` } as CSSProperties}
      >
        {emojis.map((emoji) => (
          <RefineEmojiCard
            key={emoji.index}
            jobId={job.id}
            emoji={emoji}
            platform={view}
            firstPlatform={firstPlatform}
            display={display}
            actions={actions}
            failed={failed.get(emoji.index) ?? failureFromReply(emoji)}
            onChanged={reload}
            onApproved={onApproved}
          />
        ))}
      </ol>
    </div>
  );
}
