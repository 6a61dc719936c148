/**
 * A page as a grey bitmap (one byte a pixel, 0 black to 255 white) with its
 * resolution, whatever it came from: a PDF page rendered by PDFium, a PNG or
 * a JPEG attachment (pngjs, jpeg-js, both pure JavaScript).
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { CorruptFileError, UnsupportedFormatError } from '../../errors.ts';

export interface GreyImage {
  width: number;
  height: number;
  /** Row-major grey values, width × height. */
  data: Uint8Array;
  /** Dots per inch: pixels per 72 page units. */
  dpi: number;
}

/** Resolution assumed for a picture that does not record one (a screenshot or a camera image). */
export const DEFAULT_IMAGE_DPI = 150;
/** Largest picture decoded, in pixels: past this it is no page scan (about A3 at 300 dpi). */
const MAX_PIXELS = 20_000_000;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Luma of RGBA pixels, on white where transparent. */
export function greyOfRgba(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) {
    const a = rgba[j + 3]! / 255;
    const luma = 0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!;
    out[i] = Math.round(luma * a + 255 * (1 - a));
  }
  return out;
}

/** Pixels per inch from a PNG's pHYs chunk (pixels per metre), when it has one. */
function pngDpi(bytes: Uint8Array): number | undefined {
  const buf = Buffer.from(bytes);
  const at = buf.indexOf('pHYs');
  if (at < 0 || at + 13 > buf.length || buf[at + 12] !== 1) return undefined;
  return Math.round(buf.readUInt32BE(at + 4) * 0.0254);
}

/** Pixels per inch from a JPEG's JFIF header, when it gives them in inches or centimetres. */
function jpegDpi(bytes: Uint8Array): number | undefined {
  const buf = Buffer.from(bytes);
  const at = buf.indexOf('JFIF\0');
  if (at < 0 || at + 12 > buf.length) return undefined;
  const units = buf[at + 7];
  const x = buf.readUInt16BE(at + 8);
  if (units === 1 && x > 1) return x;
  if (units === 2 && x > 1) return Math.round(x * 2.54);
  return undefined;
}

export function decodeImage(bytes: Uint8Array, file: string): GreyImage {
  try {
    if (startsWith(bytes, PNG_MAGIC)) {
      const png = PNG.sync.read(Buffer.from(bytes));
      if (png.width * png.height > MAX_PIXELS) throw new UnsupportedFormatError(file, `picture is too large to be a page (${png.width}×${png.height} pixels)`);
      return { width: png.width, height: png.height, data: greyOfRgba(png.data, png.width, png.height), dpi: pngDpi(bytes) ?? DEFAULT_IMAGE_DPI };
    }
    if (startsWith(bytes, JPEG_MAGIC)) {
      const img = jpeg.decode(Buffer.from(bytes), { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6 });
      return { width: img.width, height: img.height, data: greyOfRgba(img.data, img.width, img.height), dpi: jpegDpi(bytes) ?? DEFAULT_IMAGE_DPI };
    }
  } catch (e) {
    if (e instanceof UnsupportedFormatError) throw e;
    throw new CorruptFileError(file, `not a readable picture: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  throw new UnsupportedFormatError(file, 'picture is neither PNG nor JPEG');
}

/** The image as a binary PGM (P5), the simplest format OCR engines read. */
export function toPgm(img: GreyImage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii'), Buffer.from(img.data)]);
}

/** The image resampled (bilinear) to `dpi`; the same image when it is already at least that fine. */
export function atLeastDpi(img: GreyImage, dpi: number): GreyImage {
  if (img.dpi >= dpi) return img;
  const f = dpi / img.dpi;
  const width = Math.round(img.width * f);
  const height = Math.round(img.height * f);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(img.height - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const wy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(img.width - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const wx = sx - x0;
      const top = img.data[y0 * img.width + x0]! * (1 - wx) + img.data[y0 * img.width + x1]! * wx;
      const bottom = img.data[y1 * img.width + x0]! * (1 - wx) + img.data[y1 * img.width + x1]! * wx;
      data[y * width + x] = Math.round(top * (1 - wy) + bottom * wy);
    }
  }
  return { width, height, data, dpi };
}

/** A row or column of a black-and-white image (ink 0) with fewer ink pixels than this is scanner noise. */
export const MIN_INK_PIXELS = 2;

/** True when row `y` of a black-and-white image holds ink between x0 and x1 (x1 excluded). */
export function rowHasInk(img: GreyImage, y: number, x0: number, x1: number): boolean {
  let n = 0;
  for (let x = x0; x < x1 && n < MIN_INK_PIXELS; x++) if (img.data[y * img.width + x] === 0) n++;
  return n >= MIN_INK_PIXELS;
}
