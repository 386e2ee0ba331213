import type { CharacterInfo } from '../api.ts';
import { CharacterCard } from './CharacterCard.tsx';

interface CharacterPickerProps {
  characters: CharacterInfo[];
  selectedId: string | null;
  colors: Record<string, string>;
  onSelect: (id: string) => void;
  onColor: (id: string, color: string) => void;
}

/** The built-in characters as a radio group of cards. */
export function CharacterPicker({ characters, selectedId, colors, onSelect, onColor }: CharacterPickerProps) {
  if (characters.length === 0) return <p className="muted">No built-in characters are available.</p>;
  return (
    <fieldset className="char-grid">
      <legend className="visually-hidden">Built-in character</legend>
      {characters.map((c) => (
        <CharacterCard
          key={c.id}
          character={c}
          selected={c.id === selectedId}
          color={colors[c.id] ?? c.defaultColor}
          onSelect={() => onSelect(c.id)}
          onColor={(color) => onColor(c.id, color)}
        />
      ))}
    </fieldset>
  );
}
