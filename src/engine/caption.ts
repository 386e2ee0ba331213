/**
 * Caption text under the character: white, bold, with a dark rounded outline, sized
 * to fit the frame width. Drawn once per emoji onto its own layer.
 */
import { type Canvas, createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { INK } from './effects/ink.ts';

/** Preferred families, roundest and widest-coverage first; the first one installed is used. */
const FAMILIES = [
  'M PLUS Rounded 1c',
  'Nunito',
  'Noto Sans CJK JP',
  'Noto Sans JP',
  'DejaVu Sans',
  'Liberation Sans',
];

let cachedFamily: string | null | undefined;

function pickFamily(): string | null {
  if (cachedFamily !== undefined) return cachedFamily;
  const installed = new Set(GlobalFonts.families.map((f) => f.family));
  cachedFamily = FAMILIES.find((f) => installed.has(f)) ?? GlobalFonts.families[0]?.family ?? null;
  return cachedFamily;
}

/**
 * Renders `text` centred in a band at the bottom of a `size`×`size` layer, or returns
 * undefined when the text is blank or no font can draw it (a caption is optional decoration).
 */
export function renderCaption(text: string, size: number, margin: number): Canvas | undefined {
  const caption = text.trim();
  const family = pickFamily();
  if (caption === '' || family === null) return undefined;
  const layer = createCanvas(size, size);
  const ctx = layer.getContext('2d');
  const maxW = size - 2 * margin;
  let px = Math.round(size * 0.16);
  const fontFor = (p: number) => `bold ${p}px "${family}"`;
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
