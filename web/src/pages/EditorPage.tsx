import { type FormEvent, useEffect, useState } from 'react';
import { type AppConfig, type GenerateRequest, generateSet, LINE_EMOJI } from '../api.ts';
import { ActionPicker } from '../components/ActionPicker.tsx';
import { Alert } from '../components/Alert.tsx';
import { AvailabilityBanner, useAvailability } from '../components/AvailabilityBanner.tsx';
import { CharacterPicker } from '../components/CharacterPicker.tsx';
import { RecentJobs } from '../components/RecentJobs.tsx';
import { type SourceKind, SourceToggle } from '../components/SourceToggle.tsx';
import { UploadZone } from '../components/UploadZone.tsx';
import { useConfig } from '../hooks/use-config.ts';
import { navigate } from '../lib/history.ts';
import { whyNotReady } from '../lib/readiness.ts';
import { jobPath } from '../lib/router.ts';
import { checkUpload } from '../lib/upload.ts';

/** /create: choose a character and actions, then start a set. */
export function EditorPage() {
  const config = useConfig();

  useEffect(() => {
    document.title = 'Create a set · PopCon';
  }, []);

  return (
    <div className="container editor-layout">
      <div className="editor-main">
        <div className="page-intro">
          <h1 tabIndex={-1}>Create your emoji set</h1>
          <p className="lead">Give us one character and pick what it should do. We’ll animate every emoji.</p>
        </div>
        {config.status === 'loading' && <EditorSkeleton />}
        {config.status === 'error' && (
          <Alert title="Couldn’t load the editor">
            <p>{config.message}</p>
            <button type="button" className="button button--small" onClick={config.retry}>
              Try again
            </button>
          </Alert>
        )}
        {config.status === 'ready' && <EditorForm config={config.config} />}
      </div>
      <aside className="editor-aside" aria-label="Recent sets">
        <RecentJobs />
      </aside>
    </div>
  );
}

function EditorSkeleton() {
  return (
    <div className="stack" aria-busy="true">
      <div className="card skeleton-block" />
      <div className="card skeleton-block" />
      <span className="visually-hidden">Loading…</span>
    </div>
  );
}

function EditorForm({ config }: { config: AppConfig }) {
  const line = config.platforms.find((p) => p.id === LINE_EMOJI);
  const min = line?.minSetSize ?? 8;
  const max = Math.min(line?.maxSetSize ?? 40, config.maxSetSize);

  const [source, setSource] = useState<SourceKind>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [characterId, setCharacterId] = useState<string | null>(config.characters[0]?.id ?? null);
  const [colors, setColors] = useState<Record<string, string>>(() =>
    Object.fromEntries(config.characters.map((c) => [c.id, c.defaultColor])),
  );
  const [selection, setSelection] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  const onFile = (chosen: File) => {
    const problem = checkUpload(chosen, config.maxUploadBytes);
    setFileError(problem);
    setFile(problem ? null : chosen);
  };

  const availability = useAvailability();
  const closed = availability?.open === false;
  const blocker = closed
    ? 'PopCon is closed right now; Generate opens again at the time shown above.'
    : whyNotReady({
        source,
        hasFile: file !== null,
        characterId,
        count: selection.length,
        min,
        max,
      });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocker || submitting) return;
    const request: GenerateRequest =
      source === 'upload' && file
        ? { kind: 'upload', image: file, actions: selection }
        : {
            kind: 'character',
            character: characterId ?? '',
            color: colors[characterId ?? ''] ?? '',
            actions: selection,
          };
    setSubmitting(true);
    setSubmitError(null);
    try {
      const jobId = await generateSet(request);
      navigate(jobPath(jobId));
    } catch (err) {
      setSubmitError(err instanceof Error ? err.message : String(err));
      setSubmitting(false);
    }
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <AvailabilityBanner availability={availability} />
      <section className="card step" aria-labelledby="step-character">
        <h2 id="step-character" className="step__title">
          <span className="step__num" aria-hidden="true">
            1
          </span>
          Your character
        </h2>
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
      </section>

      <section className="card step" aria-labelledby="step-actions">
        <h2 id="step-actions" className="step__title">
          <span className="step__num" aria-hidden="true">
            2
          </span>
          What it does
        </h2>
        <ActionPicker
          actions={config.actions}
          selection={selection}
          min={min}
          max={max}
          onChange={setSelection}
        />
      </section>

      <section className="card step generate-bar" aria-labelledby="step-generate">
        <h2 id="step-generate" className="visually-hidden">
          Generate
        </h2>
        <div className="generate-bar__row">
          <p className="generate-bar__status" id="generate-reason" aria-live="polite">
            {blocker ?? `Ready: ${selection.length} emojis for ${line?.label ?? 'LINE animated emoji'}.`}
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
