import { describe, expect, it } from 'vitest';
import type { ActionInfo } from '../api.ts';
import { describeKnobs, knobsOf, originLabel, regenerateBody } from './regenerate-form.ts';

const hello: ActionInfo = {
  id: 'hello',
  label: 'Hello',
  glyph: '👋',
  tags: [],
  defaultDurationMs: 2000,
  defaultFrames: 16,
  params: {
    speed: { min: 0.5, max: 2, default: 1 },
    intensity: { min: 0, max: 1, default: 0.6 },
    caption: { maxLength: 16, suggestion: 'Hi!' },
    accent: { default: '#ffd36b' },
  },
};

describe('knobsOf', () => {
  it('starts from the emoji’s knobs and the action’s defaults', () => {
    expect(knobsOf({ action: 'hello', params: { caption: 'Yo', speed: 1.5 } }, hello)).toEqual({
      action: 'hello',
      caption: 'Yo',
      accent: null,
      speed: 1.5,
      intensity: 0.6,
    });
  });
});

describe('regenerateBody', () => {
  const emoji = { action: 'hello', params: { caption: 'Yo', accent: '#ff0000' } };

  it('sends nothing for an unchanged form: the same knobs, with the current cut-out', () => {
    expect(regenerateBody(emoji, knobsOf(emoji, hello), hello)).toEqual({});
  });

  it('sends only the changed knobs', () => {
    const knobs = { ...knobsOf(emoji, hello), caption: ' Hi there ', speed: 1.25 };
    expect(regenerateBody(emoji, knobs, hello)).toEqual({ caption: 'Hi there', speed: 1.25 });
  });

  it('clears a caption emptied and a colour set back to the action’s own', () => {
    const knobs = { ...knobsOf(emoji, hello), caption: '   ', accent: null };
    expect(regenerateBody(emoji, knobs, hello)).toEqual({ caption: null, accent: null });
  });

  it('switches the action without pinning the old action’s slider defaults', () => {
    const knobs = { ...knobsOf(emoji, hello), action: 'love' };
    expect(regenerateBody(emoji, knobs, hello)).toEqual({ action: 'love' });
  });
});

describe('describeKnobs and originLabel', () => {
  it('lists the knobs a version was made with', () => {
    expect(describeKnobs({ caption: 'Hi!', speed: 1.5, intensity: 0.8, accent: '#ff4f86', seed: 7 })).toBe(
      'caption “Hi!” · speed 1.5× · intensity 0.8 · colour #ff4f86',
    );
    expect(describeKnobs({})).toBe('');
    expect(originLabel('regenerate')).toBe('Regenerated');
  });
});
