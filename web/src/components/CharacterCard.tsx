import { useId } from 'react';
import { type CharacterInfo, characterPreviewUrl, isPresetColor } from '../api.ts';
import { useAuthorizedImage } from '../hooks/use-authorized-image.ts';
import { useDebounced } from '../hooks/use-debounced.ts';

interface CharacterCardProps {
  character: CharacterInfo;
  selected: boolean;
  color: string;
  onSelect: () => void;
  onColor: (color: string) => void;
}

/** One built-in character: a radio card with a live preview and its colour swatches. */
export function CharacterCard({ character, selected, color, onSelect, onColor }: CharacterCardProps) {
  const swatchName = useId();
  // The colour input fires on every drag step; fetch previews only once it settles.
  const previewColor = useDebounced(color, 250);
  const presets = Object.entries(character.presets);
  const isPreset = isPresetColor(character, color);
  // Preset previews are public (and cached); a custom colour is rendered for a signed-in caller only.
  const previewIsPreset = isPresetColor(character, previewColor);
  const previewSrc = useAuthorizedImage(characterPreviewUrl(character.id, previewColor), !previewIsPreset);

  const choose = (hex: string) => {
    onColor(hex);
    if (!selected) onSelect();
  };

  return (
    <div className={`char-card${selected ? ' is-selected' : ''}`}>
      <label className="char-card__main">
        <input
          type="radio"
          name="character"
          value={character.id}
          checked={selected}
          onChange={onSelect}
          className="visually-hidden"
        />
        <span className="char-card__art checker">
          {previewSrc && <img src={previewSrc} alt="" width={112} height={112} />}
        </span>
        <span className="char-card__name">{character.label}</span>
        <span className="char-card__check" aria-hidden="true">
          ✓
        </span>
      </label>
      <fieldset className="swatches">
        <legend className="visually-hidden">{character.label} colour</legend>
        {presets.map(([name, hex]) => (
          <label key={name} className="swatch" title={name}>
            <input
              type="radio"
              name={swatchName}
              value={hex}
              checked={hex.toLowerCase() === color.toLowerCase()}
              onChange={() => choose(hex)}
              className="visually-hidden"
            />
            <span className="swatch__dot" style={{ backgroundColor: hex }} aria-hidden="true" />
            <span className="visually-hidden">{name}</span>
          </label>
        ))}
        <label className={`swatch swatch--custom${isPreset ? '' : ' is-custom'}`} title="Custom colour">
          <input type="color" value={color} onChange={(e) => choose(e.target.value)} />
          <span className="visually-hidden">Custom {character.label} colour</span>
        </label>
      </fieldset>
    </div>
  );
}
