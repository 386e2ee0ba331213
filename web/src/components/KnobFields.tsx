import { type ChangeEvent, type Ref, useId } from 'react';
import { captionLength, clampCaption } from '../lib/emoji-drafts.ts';

interface CaptionFieldProps {
  value: string;
  max: number;
  /** The action's suggested caption, offered while the field is empty. */
  suggestion?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (caption: string) => void;
}

/** A caption input that counts as the server does (code points), with the count inside its right end. */
export function CaptionField({ value, max, suggestion, inputRef, onChange }: CaptionFieldProps) {
  const captionId = useId();
  const countId = useId();
  const length = captionLength(value);

  // The limit counts code points, which the maxLength attribute (UTF-16 units) cannot;
  // the text is cut here instead, except mid-composition, where an IME still owns it.
  const onCaption = (event: ChangeEvent<HTMLInputElement>) => {
    const composing = (event.nativeEvent as InputEvent).isComposing;
    onChange(composing ? event.target.value : clampCaption(event.target.value, max));
  };

  return (
    <div className="field field--caption">
      <label htmlFor={captionId} className="field__label">
        Caption
      </label>
      <div className="field__control">
        <input
          ref={inputRef}
          id={captionId}
          type="text"
          className="text-input"
          value={value}
          placeholder={suggestion ? `e.g. ${suggestion}` : 'No caption'}
          autoComplete="off"
          aria-describedby={countId}
          aria-invalid={length > max}
          onChange={onCaption}
          onCompositionEnd={(e) => onChange(clampCaption(e.currentTarget.value, max))}
        />
        <span id={countId} className={`field__count${length >= max ? ' is-full' : ''}`}>
          {length} / {max}
          <span className="visually-hidden"> characters</span>
        </span>
      </div>
      {suggestion && value.trim() === '' && (
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => onChange(suggestion)}
        >
          Use “{suggestion}”
        </button>
      )}
    </div>
  );
}

interface AccentFieldProps {
  /** `#rrggbb`, or null for the action's own colour. */
  value: string | null;
  /** The action's own colour, shown while `value` is null. */
  own: string;
  /** The action's name, as in "Hello’s own colour". */
  label: string;
  onChange: (accent: string | null) => void;
}

/** An accent colour picker with a way back to the action's own colour. */
export function AccentField({ value, own, label, onChange }: AccentFieldProps) {
  const accentId = useId();
  return (
    <div className="field field--accent">
      <label htmlFor={accentId} className="field__label">
        Accent colour
      </label>
      <input
        id={accentId}
        type="color"
        className="colour-input"
        value={value ?? own}
        onChange={(e) => onChange(e.target.value)}
      />
      {value ? (
        <button type="button" className="button button--small button--quiet" onClick={() => onChange(null)}>
          Use {label}’s own colour
        </button>
      ) : (
        <span className="muted field__hint">{label}’s own colour</span>
      )}
    </div>
  );
}

interface SliderFieldProps {
  label: string;
  value: number;
  range: { min: number; max: number };
  step: number;
  /** After the number, as in "1.5×". */
  unit?: string;
  /** A line under the slider saying what it does. */
  hint?: string;
  onChange: (value: number) => void;
}

/** A labelled range input with its value shown beside it. */
export function SliderField({ label, value, range, step, unit = '', hint, onChange }: SliderFieldProps) {
  const id = useId();
  const text = `${value}${unit}`;
  return (
    <div className="field field--slider">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="range"
        className="knob-slider"
        min={range.min}
        max={range.max}
        step={step}
        value={value}
        aria-valuetext={text}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id} className="knob-value">
        {text}
      </output>
      {hint && <p className="muted field__hint">{hint}</p>}
    </div>
  );
}
