/**
 * What an OCR engine gives nianbao: the words of a page image with their
 * boxes (pixels) and confidences, grouped in the lines the engine read. One
 * engine behind this interface; `tesseract-engine.ts` is the one in use.
 */
import type { GreyImage } from './grey-image.ts';

export interface OcrWord {
  text: string;
  /** Box in image pixels. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The engine's confidence in the word, 0 to 1. */
  confidence: number;
  /** The engine's line this word belongs to (words of one line share it). */
  line: number;
}

/** The engine's model for numbers (the default), or the model it reads the page's text with, also kept to digits. */
export type NumberModel = 'numbers' | 'text';

export interface OcrEngine {
  /** Name and version, recorded with what it read: output is the same only for the same engine version. */
  readonly name: string;
  /** The words of each of many images (pages, table cells, titles), each read on its own, in one run. */
  recognizeCells(imgs: readonly GreyImage[]): Promise<OcrWord[][]>;
  /** The words of each of many one-line images that hold a number, read as digits (and separators) only, by the engine's number model or its text model. */
  recognizeNumbers(imgs: readonly GreyImage[], model?: NumberModel): Promise<OcrWord[][]>;
}

/** The engine (or its Chinese model) is not installed: the file needs OCR that this machine cannot do. */
export class OcrEngineMissing extends Error {}
