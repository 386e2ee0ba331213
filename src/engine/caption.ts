/**
 * Caption text under the character: white, bold, with a dark rounded outline, sized
 * to fit the frame width. Drawn once per emoji onto its own layer.
 */
import fs from 'node:fs';
import { type Canvas, createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { INK } from './effects/ink.ts';

/**
 * Noto Sans CJK covers Latin, kana, kanji and hangul in one face, so a caption mixing
 * them never falls back glyph by glyph. Debian's fonts-noto-cjk puts it here (.ci/run
 * installs it); it is registered by path so fontconfig quirks cannot hide it.
 */
const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Black.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
];
const CAPTION_FAMILY = 'PopCon Caption';
/**
 * Emoji in a caption ("Hi 👋") are drawn in colour from Noto Color Emoji (Debian's
 * fonts-noto-color-emoji; .ci/run and the images install it), named after the text face so
 * each emoji falls back to it and the rest of the text does not.
 */
const EMOJI_FONT_FILE = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';
const EMOJI_FAMILY = 'PopCon Emoji';

/** Fallbacks when the CJK font is missing: Latin still renders, CJK may show as boxes. */
const FALLBACK_FAMILIES = ['Noto Sans CJK JP', 'Noto Sans JP', 'DejaVu Sans', 'Liberation Sans'];

let cachedFonts: string | null | undefined;

/** The path of the CJK caption font, or undefined when this machine has none. */
export function captionFontFile(): string | undefined {
  return CJK_FONT_FILES.find((f) => fs.existsSync(f));
}

/** The path of the colour emoji font, or undefined when this machine has none. */
export function emojiFontFile(): string | undefined {
  return fs.existsSync(EMOJI_FONT_FILE) ? EMOJI_FONT_FILE : undefined;
}

/** The face for the text: the registered CJK font, else an installed fallback; null when there is none. */
function textFamily(): string | null {
  const file = captionFontFile();
  if (file && GlobalFonts.registerFromPath(file, CAPTION_FAMILY)) return CAPTION_FAMILY;
  const installed = new Set(GlobalFonts.families.map((f) => f.family));
  return FALLBACK_FAMILIES.find((f) => installed.has(f)) ?? GlobalFonts.families[0]?.family ?? null;
}

/**
 * The caption's CSS font families, worked out (and the fonts registered) once: the text
 * face, then the emoji face when it is installed; null when no font can draw text.
 */
function captionFonts(): string | null {
  if (cachedFonts !== undefined) return cachedFonts;
  const family = textFamily();
  const emojiFile = emojiFontFile();
  const emoji = family !== null && emojiFile && GlobalFonts.registerFromPath(emojiFile, EMOJI_FAMILY);
  cachedFonts = family === null ? null : emoji ? `"${family}", "${EMOJI_FAMILY}"` : `"${family}"`;
  return cachedFonts;
}

/**
 * Renders `text` centred in a band at the bottom of a `size`×`size` layer, or returns
 * undefined when the text is blank or no font can draw it (a caption is optional decoration).
 */
export function renderCaption(text: string, size: number, margin: number): Canvas | undefined {
  const caption = text.trim();
  const fonts = captionFonts();
  if (caption === '' || fonts === null) return undefined;
  const layer = createCanvas(size, size);
  const ctx = layer.getContext('2d');
  const maxW = size - 2 * margin;
  let px = Math.round(size * 0.16);
  const fontFor = (p: number) => `bold ${p}px ${fonts}`;
  const outlineFor = (p: number) => Math.max(2, p * 0.22);
  ctx.font = fontFor(px);
  // Shrink until text plus outline fits the width; never below a legible 9% of the frame.
  while (px > size * 0.09 && ctx.measureText(caption).width + outlineFor(px) > maxW) {
    px -= 1;
    ctx.font = fontFor(px);
  }
  const measured = ctx.measureText(caption);
  if (!(measured.width > 0)) return undefined;
  const scaleX = Math.min(1, (maxW - outlineFor(px)) / measured.width);
  const baseline = size - margin - outlineFor(px) / 2 - Math.max(measured.actualBoundingBoxDescent, 0);
  ctx.translate(size / 2, baseline);
  ctx.scale(scaleX, 1);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  ctx.lineWidth = outlineFor(px);
  ctx.strokeStyle = INK;
  ctx.strokeText(caption, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(caption, 0, 0);
  return layer;
}
