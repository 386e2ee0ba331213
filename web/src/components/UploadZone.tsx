import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { formatBytes } from '../lib/format.ts';
import { ACCEPT_ATTRIBUTE } from '../lib/upload.ts';
import { Alert } from './Alert.tsx';

interface UploadZoneProps {
  file: File | null;
  error: string | null;
  maxBytes: number;
  onSelect: (file: File) => void;
  onClear: () => void;
}

/** File picker plus drop zone, with a preview of the chosen image. */
export function UploadZone({ file, error, maxBytes, onSelect, onClear }: UploadZoneProps) {
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [previewFailed, setPreviewFailed] = useState(false);

  useEffect(() => {
    setPreviewFailed(false);
    if (!file) {
      setPreviewUrl(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreviewUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const pick = (files: FileList | null) => {
    const chosen = files?.[0];
    if (chosen) onSelect(chosen);
    // Reset so choosing the same file again still fires `change`.
    if (inputRef.current) inputRef.current.value = '';
  };

  const onDrop = (event: DragEvent<HTMLFieldSetElement>) => {
    event.preventDefault();
    setDragging(false);
    pick(event.dataTransfer.files);
  };

  return (
    <div className="upload">
      <fieldset
        className={`dropzone${dragging ? ' is-dragging' : ''}${file ? ' has-file' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <legend className="visually-hidden">Character image</legend>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          className="dropzone__input"
          accept={ACCEPT_ATTRIBUTE}
          aria-describedby={hintId}
          onChange={(e) => pick(e.target.files)}
        />
        {file && previewUrl ? (
          <div className="dropzone__preview">
            <div className="checker dropzone__thumb">
              {previewFailed ? (
                <span className="dropzone__nopreview">No preview for this format — it will still work.</span>
              ) : (
                <img
                  src={previewUrl}
                  alt={`Preview of ${file.name}`}
                  onError={() => setPreviewFailed(true)}
                />
              )}
            </div>
            <div className="dropzone__meta">
              <p className="dropzone__name">{file.name}</p>
              <p className="muted" id={hintId}>
                {formatBytes(file.size)} · drop another image to replace it
              </p>
              <div className="button-row">
                <label htmlFor={inputId} className="button button--small button--ghost">
                  Choose another
                </label>
                <button type="button" className="button button--small button--quiet" onClick={onClear}>
                  Remove
                </button>
              </div>
            </div>
          </div>
        ) : (
          <label htmlFor={inputId} className="dropzone__label">
            <span className="dropzone__icon" aria-hidden="true">
              ⬆
            </span>
            <span className="dropzone__title">
              Drop your character here or <span className="linkish">browse</span>
            </span>
            <span className="muted" id={hintId}>
              PNG, JPEG, WebP, GIF, BMP or TIFF · up to {formatBytes(maxBytes)} · a transparent background
              works best
            </span>
          </label>
        )}
      </fieldset>
      {error && <Alert title="We can’t use that file">{error}</Alert>}
    </div>
  );
}
