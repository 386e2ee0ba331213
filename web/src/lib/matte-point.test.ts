import { describe, expect, it } from 'vitest';
import { centreOf, crosshairStep, moveCrosshair, pointShare, toPicturePoint } from './matte-point.ts';

const picture = { width: 400, height: 400 };

describe('toPicturePoint', () => {
  it('scales a click on a picture shown at 320 px to the 400 px original', () => {
    const box = { left: 100, top: 50, width: 320, height: 320 };
    // The hole of the ring at (200, 210) is drawn at (260, 218) on the page.
    expect(toPicturePoint(100 + 160, 50 + 168, box, picture)).toEqual({ x: 200, y: 210 });
    expect(toPicturePoint(100, 50, box, picture)).toEqual({ x: 0, y: 0 });
  });

  it('gives the last pixel to a click on the right or bottom edge', () => {
    const box = { left: 0, top: 0, width: 200, height: 100 };
    expect(toPicturePoint(200, 100, box, { width: 640, height: 320 })).toEqual({ x: 639, y: 319 });
  });

  it('keeps whole pixels of non-square pictures shown larger than they are', () => {
    const box = { left: 0, top: 0, width: 300, height: 150 };
    expect(toPicturePoint(149.9, 75.2, box, { width: 100, height: 50 })).toEqual({ x: 49, y: 25 });
  });

  it('ignores clicks off the picture and boxes with no size', () => {
    const box = { left: 10, top: 10, width: 100, height: 100 };
    expect(toPicturePoint(5, 50, box, picture)).toBeNull();
    expect(toPicturePoint(50, 111, box, picture)).toBeNull();
    expect(toPicturePoint(0, 0, { left: 0, top: 0, width: 0, height: 0 }, picture)).toBeNull();
  });
});

describe('moveCrosshair', () => {
  it('moves about a fiftieth of the picture per arrow key, five times as far with Shift', () => {
    expect(crosshairStep(picture, false)).toBe(8);
    expect(moveCrosshair({ x: 200, y: 200 }, 'ArrowRight', false, picture)).toEqual({ x: 208, y: 200 });
    expect(moveCrosshair({ x: 200, y: 200 }, 'ArrowUp', true, picture)).toEqual({ x: 200, y: 160 });
  });

  it('stays on the picture', () => {
    expect(moveCrosshair({ x: 2, y: 398 }, 'ArrowLeft', false, picture)).toEqual({ x: 0, y: 398 });
    expect(moveCrosshair({ x: 2, y: 398 }, 'ArrowDown', true, picture)).toEqual({ x: 2, y: 399 });
  });

  it('moves one pixel at a time on a tiny picture, and ignores other keys', () => {
    expect(crosshairStep({ width: 20, height: 10 }, false)).toBe(1);
    expect(moveCrosshair({ x: 1, y: 1 }, 'Enter', false, picture)).toBeNull();
  });
});

describe('centreOf and pointShare', () => {
  it('starts in the middle and places the crosshair on the pixel’s centre', () => {
    expect(centreOf({ width: 401, height: 300 })).toEqual({ x: 200, y: 150 });
    expect(pointShare({ x: 199, y: 0 }, picture)).toEqual({ left: 0.49875, top: 0.00125 });
  });
});
