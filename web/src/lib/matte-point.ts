/**
 * Where a touch-up lands on the picture. The picture is shown scaled to fit the
 * page, but the server floods from a pixel of the original, so every click is
 * converted to the picture's own whole-pixel coordinates; keyboard users move a
 * crosshair in the same coordinates.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The box the picture is drawn in, as getBoundingClientRect reports it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** The picture pixel under a click at (clientX, clientY) on a picture drawn in `box`; null off the picture. */
export function toPicturePoint(clientX: number, clientY: number, box: Box, picture: Size): Point | null {
  if (box.width <= 0 || box.height <= 0) return null;
  const u = (clientX - box.left) / box.width;
  const v = (clientY - box.top) / box.height;
  if (u < 0 || v < 0 || u > 1 || v > 1) return null;
  // The right and bottom edges (u = 1) belong to the last pixel, not one past it.
  return {
    x: clamp(Math.floor(u * picture.width), 0, picture.width - 1),
    y: clamp(Math.floor(v * picture.height), 0, picture.height - 1),
  };
}

/** Where a picture pixel's centre is drawn, as a share of the box (for placing the crosshair). */
export function pointShare(point: Point, picture: Size): { left: number; top: number } {
  return { left: (point.x + 0.5) / picture.width, top: (point.y + 0.5) / picture.height };
}

/** One arrow-key step: about a fiftieth of the picture, so 50 presses cross it; Shift moves five times as far. */
export function crosshairStep(picture: Size, fast: boolean): number {
  const step = Math.max(1, Math.round(Math.max(picture.width, picture.height) / 50));
  return fast ? step * 5 : step;
}

const MOVES: Record<string, Point> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/** The crosshair after `key` (an arrow key), kept on the picture; null when the key is not a move. */
export function moveCrosshair(point: Point, key: string, fast: boolean, picture: Size): Point | null {
  const move = MOVES[key];
  if (!move) return null;
  const step = crosshairStep(picture, fast);
  return {
    x: clamp(point.x + move.x * step, 0, picture.width - 1),
    y: clamp(point.y + move.y * step, 0, picture.height - 1),
  };
}

/** The picture's middle, where the crosshair starts. */
export function centreOf(picture: Size): Point {
  return { x: Math.floor(picture.width / 2), y: Math.floor(picture.height / 2) };
}
