export type SourceKind = 'upload' | 'character';

const OPTIONS: { value: SourceKind; label: string; hint: string }[] = [
  { value: 'upload', label: 'Upload your own', hint: 'Any image of one character' },
  { value: 'character', label: 'Use a built-in', hint: 'Blob, Cat, Bear and friends' },
];

/** Segmented control choosing where the character comes from. */
export function SourceToggle({ value, onChange }: { value: SourceKind; onChange: (v: SourceKind) => void }) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Character source</legend>
      {OPTIONS.map((o) => (
        <label key={o.value} className={`segmented__option${value === o.value ? ' is-selected' : ''}`}>
          <input
            type="radio"
            name="source"
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            className="visually-hidden"
          />
          <span className="segmented__label">{o.label}</span>
          <span className="segmented__hint">{o.hint}</span>
        </label>
      ))}
    </fieldset>
  );
}
