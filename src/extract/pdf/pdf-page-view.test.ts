/**
 * The page view: user space to top-down page coordinates, for an upright
 * page whose box does not start at 0,0 and for each quarter turn of /Rotate.
 * (turned.pdf, in test/pdf-records.test.ts, reads a whole turned report.)
 */
import { describe, expect, it } from 'vitest';
import { apply } from './pdf-geometry.ts';
import { viewOf } from './pdf-page-view.ts';

const BOX = [40, 70, 640, 870] as const; // 600 wide, 800 high, offset

describe('page view', () => {
  it('upright: the box top-left corner is 0,0 and y grows downwards', () => {
    const v = viewOf(BOX, 0);
    expect([v.width, v.height]).toEqual([600, 800]);
    expect(apply(v.transform, 40, 870)).toEqual([0, 0]);
    expect(apply(v.transform, 640, 70)).toEqual([600, 800]);
  });

  it('turned a quarter clockwise: the box bottom-left corner is shown top-left', () => {
    const v = viewOf(BOX, 90);
    expect([v.width, v.height]).toEqual([800, 600]);
    expect(apply(v.transform, 40, 70)).toEqual([0, 0]);
    expect(apply(v.transform, 640, 870)).toEqual([800, 600]);
  });

  it('upside down and three quarters: the opposite corners', () => {
    expect(apply(viewOf(BOX, 180).transform, 640, 70)).toEqual([0, 0]);
    const v = viewOf(BOX, 270);
    expect([v.width, v.height]).toEqual([800, 600]);
    expect(apply(v.transform, 640, 870)).toEqual([0, 0]);
  });
});
