// node --import tsx bench/gallery.ts [--only cat] [--out docs/gallery] [--strip love]
//
// Renders one contact sheet per built-in character: every action at 128 px (the
// size LINE shows), the frame a quarter into its loop, on a light checkerboard so
// transparency shows. Writes docs/gallery/<character>.png, a family picture of every
// colour preset and docs/gallery.md. `--strip <action>` instead writes every frame of
// one action for each character (for checking a motion by eye), and no markdown.
import fs from 'node:fs';
import path from 'node:path';
import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { ACTIONS, type ActionDefinition } from '../src/domain/actions.ts';
import { CHARACTERS, type CharacterDefinition } from '../src/domain/characters.ts';
import { animateCharacter, drawCharacter } from '../src/engine/index.ts';
import { imageToCanvas } from '../src/engine/raster.ts';

const TILE = 128;
const LABEL = 20;
const COLUMNS = 7;
const GAP = 6;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const outDir = arg('out') ?? 'docs/gallery';
const only = arg('only');
const strip = arg('strip');
const characters = CHARACTERS.filter((c) => !only || c.id === only);

function checkerboard(ctx: SKRSContext2D, x: number, y: number, w: number, h: number): void {
  const cell = 8;
  for (let j = 0; j < h; j += cell) {
    for (let i = 0; i < w; i += cell) {
      ctx.fillStyle = ((i + j) / cell) % 2 === 0 ? '#ffffff' : '#eeeef2';
      ctx.fillRect(x + i, y + j, Math.min(cell, w - i), Math.min(cell, h - j));
    }
  }
}

function frameCanvas(data: Uint8Array, size: number): Canvas {
  return imageToCanvas({ width: size, height: size, data });
}

function label(ctx: SKRSContext2D, text: string, x: number, y: number): void {
  ctx.fillStyle = '#4a4458';
  ctx.font = '600 13px "DejaVu Sans"';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x, y);
}

function render(character: CharacterDefinition, action: ActionDefinition, size = TILE) {
  return animateCharacter(
    { id: character.id, color: character.defaultColor },
    action.id,
    {},
    {
      size,
      frames: action.defaultFrames,
      durationMs: action.defaultDurationMs,
    },
  );
}

/** Every action of one character, one tile each, in catalog order. */
function contactSheet(character: CharacterDefinition): Canvas {
  const rows = Math.ceil(ACTIONS.length / COLUMNS);
  const sheet = createCanvas(COLUMNS * (TILE + GAP) + GAP, rows * (TILE + LABEL + GAP) + GAP);
  const ctx = sheet.getContext('2d');
  ctx.fillStyle = '#f7f6fb';
  ctx.fillRect(0, 0, sheet.width, sheet.height);
  ACTIONS.forEach((action, i) => {
    const x = GAP + (i % COLUMNS) * (TILE + GAP);
    const y = GAP + Math.floor(i / COLUMNS) * (TILE + LABEL + GAP);
    checkerboard(ctx, x, y, TILE, TILE);
    const seq = render(character, action);
    const frame = seq.frames[Math.round(seq.frames.length / 4) % seq.frames.length];
    ctx.drawImage(frameCanvas(frame, TILE), x, y);
    label(ctx, action.label, x + TILE / 2, y + TILE + LABEL / 2);
  });
  return sheet;
}

/** Every frame of one action for one character, left to right. */
function filmStrip(character: CharacterDefinition, action: ActionDefinition, size: number): Canvas {
  const seq = render(character, action, size);
  const sheet = createCanvas(seq.frames.length * size, size);
  const ctx = sheet.getContext('2d');
  checkerboard(ctx, 0, 0, sheet.width, size);
  for (const [i, f] of seq.frames.entries()) ctx.drawImage(frameCanvas(f, size), i * size, 0);
  return sheet;
}

/** Every character in every colour preset, at rest. */
function family(): Canvas {
  const size = 112;
  const columns = Math.max(...CHARACTERS.map((c) => Object.keys(c.presets).length));
  const sheet = createCanvas(columns * size, CHARACTERS.length * size);
  const ctx = sheet.getContext('2d');
  checkerboard(ctx, 0, 0, sheet.width, sheet.height);
  CHARACTERS.forEach((c, j) => {
    Object.values(c.presets).forEach((color, i) => {
      ctx.drawImage(imageToCanvas(drawCharacter(c.id, color, size)), i * size, j * size);
    });
  });
  return sheet;
}

function write(file: string, canvas: Canvas): void {
  const png = canvas.toBuffer('image/png');
  fs.writeFileSync(file, png);
  console.log(`${file}  ${(png.length / 1024).toFixed(0)} KB`);
}

fs.mkdirSync(outDir, { recursive: true });
if (strip) {
  const action = ACTIONS.find((a) => a.id === strip);
  if (!action) throw new Error(`unknown action ${strip}`);
  const size = Number(arg('size') ?? 128);
  for (const c of characters)
    write(path.join(outDir, `${c.id}-${action.id}.png`), filmStrip(c, action, size));
} else {
  for (const c of characters) write(path.join(outDir, `${c.id}.png`), contactSheet(c));
  if (!only) {
    write(path.join(outDir, 'family.png'), family());
    const lines = [
      '# Gallery',
      '',
      'Every built-in character doing every action, at 128 px (the size LINE shows emojis),',
      'the frame a quarter of the way into each loop, in the default colour. Regenerate with',
      '`node --import tsx bench/gallery.ts`.',
      '',
      // One line per character: its name and colours, then its sheet.
      ...characters.flatMap((c) => [
        `**${c.label}** (\`${c.id}\`; colours ${Object.keys(c.presets).join(', ')})<br>![${c.label} doing every action](gallery/${c.id}.png)`,
        '',
      ]),
      '**The family** in every colour preset<br>![Every character in every colour preset](gallery/family.png)',
      '',
    ];
    fs.writeFileSync('docs/gallery.md', lines.join('\n'));
    console.log('docs/gallery.md');
  }
}
