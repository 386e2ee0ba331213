import { type FormEvent, type ReactNode, useState } from 'react';
import {
  ApiError,
  type AppConfig,
  DEFAULT_PLATFORM,
  type GenerateRequest,
  generateSet,
  isPresetColor,
} from '../api.ts';
import { useEmojiDrafts } from '../hooks/use-emoji-drafts.ts';
import { captionMaxOf, captionProblem, emojiNumberIn, toEmojiRequests } from '../lib/emoji-drafts.ts';
import { navigate } from '../lib/history.ts';
import { combinedSetRule, listAnd, shortName } from '../lib/platform-rules.ts';
import { whyNotReady } from '../lib/readiness.ts';
import { jobPath } from '../lib/router.ts';
import { checkUpload } from '../lib/upload.ts';
import { ActionPicker } from './ActionPicker.tsx';
import { Alert } from './Alert.tsx';
import { AvailabilityBanner, useAvailability } from './AvailabilityBanner.tsx';
import { CharacterPicker } from './CharacterPicker.tsx';
import { EmojiDraftList } from './EmojiDraftList.tsx';
import { PlatformPicker } from './PlatformPicker.tsx';
import { type SourceKind, SourceToggle } from './SourceToggle.tsx';
import { UploadZone } from './UploadZone.tsx';

function Step({ id, num, title, children }: { id: string; num: number; title: string; children: ReactNode }) {
  return (
    <section className="card step" aria-labelledby={id}>
      <h2 id={id} className="step__title">
        <span className="step__num" aria-hidden="true">
          {num}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The editor: character, platforms, actions with their captions, and Generate. */
export function EditorForm({ config }: { config: AppConfig }) {
  const [source, setSource] = useState<SourceKind>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [characterId, setCharacterId] = useState<string | null>(config.characters[0]?.id ?? null);
  const [colors, setColors] = useState<Record<string, string>>(() =>
    Object.fromEntries(config.characters.map((c) => [c.id, c.defaultColor])),
  );
  const [platformIds, setPlatformIds] = useState<string[]>(() =>
    config.platforms.filter((p) => p.id === DEFAULT_PLATFORM && p.available).map((p) => p.id),
  );
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  const chosen = config.platforms.filter((p) => p.available && platformIds.includes(p.id));
  const rule = combinedSetRule(chosen, config.maxSetSize);
  const set = useEmojiDrafts(
    config.actions.map((a) => a.id),
    Math.max(rule.max, 1),
  );
  const actionsById = new Map(config.actions.map((a) => [a.id, a]));
  // The chosen built-in character acts out the catalog; a custom colour shows as its default.
  const builtIn = config.characters.find((c) => c.id === characterId);
  const builtInColor = builtIn ? colors[builtIn.id].toLowerCase() : '';
  const preview =
    source === 'character' && builtIn
      ? { character: builtIn.id, color: isPresetColor(builtIn, builtInColor) ? builtInColor : undefined }
      : null;

  const onFile = (picked: File) => {
    const problem = checkUpload(picked, config.maxUploadBytes);
    setFileError(problem);
    setFile(problem ? null : picked);
  };

  const availability = useAvailability();
  const blocker =
    availability?.open === false
      ? 'PopCon is closed right now; Generate opens again at the time shown above.'
      : whyNotReady({
          source,
          hasFile: file !== null,
          characterId,
          count: set.drafts.length,
          platforms: chosen,
          cap: config.maxSetSize,
          captionProblem: captionProblem(set.drafts, (id) => ({
            label: actionsById.get(id)?.label ?? id,
            maxLength: captionMaxOf(actionsById.get(id)),
          })),
        });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocker || submitting) return;
    const what = { emojis: toEmojiRequests(set.drafts), platforms: chosen.map((p) => p.id) };
    const request: GenerateRequest =
      source === 'upload' && file
        ? { kind: 'upload', image: file, ...what }
        : {
            kind: 'character',
            character: characterId ?? '',
            color: colors[characterId ?? ''] ?? '',
            ...what,
          };
    setSubmitting(true);
    setSubmitError(null);
    try {
      const jobId = await generateSet(request);
      navigate(jobPath(jobId));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setSubmitError(message);
      setSubmitting(false);
      // A refused knob names its emoji: open that row so the fix is one step away.
      const position =
        err instanceof ApiError && err.code === 'invalid_params' ? emojiNumberIn(message) : null;
      if (position !== null) set.reveal(position);
    }
  };

  const names = listAnd(chosen.map(shortName));
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <AvailabilityBanner availability={availability} />
      <Step id="step-character" num={1} title="Your character">
        <SourceToggle value={source} onChange={setSource} />
        {source === 'upload' ? (
          <UploadZone
            file={file}
            error={fileError}
            maxBytes={config.maxUploadBytes}
            onSelect={onFile}
            onClear={() => {
              setFile(null);
              setFileError(null);
            }}
          />
        ) : (
          <CharacterPicker
            characters={config.characters}
            selectedId={characterId}
            colors={colors}
            onSelect={setCharacterId}
            onColor={(id, color) => setColors((prev) => ({ ...prev, [id]: color }))}
          />
        )}
      </Step>

      <Step id="step-platforms" num={2} title="Where it goes">
        <p className="muted step__hint">
          Choose one or more. Every file is checked against the platform’s rules, and each gets its own ZIP.
        </p>
        <PlatformPicker
          platforms={config.platforms}
          selected={platformIds}
          cap={config.maxSetSize}
          onChange={setPlatformIds}
        />
      </Step>

      <Step id="step-actions" num={3} title="What it does">
        <ActionPicker
          actions={config.actions}
          drafts={set.drafts}
          rule={rule}
          ruleOwners={names}
          onToggle={set.toggleAction}
          onPick={set.pick}
          onClear={set.clear}
          preview={preview}
        />
        <EmojiDraftList
          actions={config.actions}
          drafts={set.drafts}
          openKeys={set.openKeys}
          focusKey={set.focusKey}
          onToggleOpen={set.toggleOpen}
          onChange={set.change}
          onRemove={set.remove}
        />
      </Step>

      <section className="card step generate-bar" aria-labelledby="step-generate">
        <h2 id="step-generate" className="visually-hidden">
          Generate
        </h2>
        <div className="generate-bar__row">
          <p className="generate-bar__status" id="generate-reason" aria-live="polite">
            {blocker ?? `Ready: ${set.drafts.length} emojis for ${names}.`}
          </p>
          <button
            type="submit"
            className="button button--primary button--large"
            disabled={blocker !== null || submitting}
            aria-describedby="generate-reason"
          >
            {submitting ? 'Starting…' : 'Generate set'}
          </button>
        </div>
        {submitError && <Alert title="The set didn’t start">{submitError}</Alert>}
      </section>
    </form>
  );
}
