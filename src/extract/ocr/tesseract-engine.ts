/**
 * Tesseract 5 with its chi_sim model (Debian: tesseract-ocr,
 * tesseract-ocr-chi-sim), run as a process: the images of a batch (pages,
 * table cells, titles) are written as PGMs to a temporary folder and named
 * in a list file, so one process (one load of the model) reads them all,
 * each on its own; words come back as TSV (level 5 rows: image, box,
 * confidence, text). Numbers are read with the eng model when installed. One
 * thread per process (OMP_THREAD_LIMIT=1), so the result does not depend on
 * the machine's cores.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toPgm, type GreyImage } from './grey-image.ts';
import { OcrEngineMissing, type NumberModel, type OcrEngine, type OcrWord } from './ocr-engine.ts';

/** Tesseract's language model for simplified Chinese (it reads Latin digits too). */
const LANGUAGE = 'chi_sim';
/** Page segmentation mode 7: the image is one line of text (a number cell). */
const LINE_SEGMENTATION = '7';
/** Page segmentation mode 6: one uniform block of text; the table lines are painted out before, so a page reads as lines of words. */
const PAGE_SEGMENTATION = '6';
/** The model number cells are read with when installed (Debian's tesseract-ocr installs it): it reads a lone digit that chi_sim takes for a character (2 as 之). */
const NUMBER_LANGUAGE = 'eng';
/** Characters a number cell is read with: digits, the decimal point and a thousands separator. */
const NUMBER_CHARACTERS = '0123456789.,';
/** Tesseract reads a line again inverted (light on dark) when unsure by default; a scanned report is dark on light, so that second read is time lost. */
const NO_INVERTED_READ = '0';
/** Longest a page may take, in milliseconds, before the engine is stopped. */
const PAGE_TIMEOUT_MS = 120_000;
/** TSV row level of a word. */
const WORD_LEVEL = '5';

const run = promisify(execFile);

interface Installed {
  /** "tesseract 5.x.y". */
  version: string;
  /** The model number cells are read with: NUMBER_LANGUAGE when installed, else LANGUAGE. */
  numbers: string;
}

let checked: Promise<Installed> | null = null;

/** What is installed, or OcrEngineMissing when tesseract or its chi_sim model is absent. */
function installed(): Promise<Installed> {
  checked ??= (async () => {
    let langs: string;
    let version: string;
    try {
      version = (await run('tesseract', ['--version'])).stdout.split('\n')[0]!.trim();
      langs = (await run('tesseract', ['--list-langs'])).stdout;
    } catch (e) {
      throw new OcrEngineMissing(`tesseract is not on PATH (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    }
    const list = langs.split(/\s+/);
    if (!list.includes(LANGUAGE)) throw new OcrEngineMissing(`tesseract has no ${LANGUAGE} model (apt-get install tesseract-ocr-chi-sim)`);
    return { version, numbers: list.includes(NUMBER_LANGUAGE) ? NUMBER_LANGUAGE : LANGUAGE };
  })();
  return checked;
}

/** "tesseract 5.x.y", or OcrEngineMissing when tesseract or its chi_sim model is absent. */
export async function tesseractVersion(): Promise<string> {
  return (await installed()).version;
}

/** The words of TSV output, each with the (1-based) number of the image it was read from. */
function tsvWords(tsv: string): Array<OcrWord & { image: number }> {
  const words: Array<OcrWord & { image: number }> = [];
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f[0] !== WORD_LEVEL || f.length < 12) continue;
    const text = f.slice(11).join('\t').trim();
    const conf = Number(f[10]);
    if (!text || conf < 0) continue;
    const [left, top, width, height] = f.slice(6, 10).map(Number) as [number, number, number, number];
    // block, paragraph and line numbers together name the line.
    const line = Number(f[2]) * 1_000_000 + Number(f[3]) * 1000 + Number(f[4]);
    words.push({ text, x0: left, y0: top, x1: left + width, y1: top + height, confidence: conf / 100, line, image: Number(f[1]) });
  }
  return words;
}

/** Tesseract run on a file listing images, its TSV parsed. */
function runTesseract(list: string, dpi: number, options: readonly string[]): Promise<Array<OcrWord & { image: number }>> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', [list, 'stdout', '--dpi', String(dpi), '-c', `tessedit_do_invert=${NO_INVERTED_READ}`, ...options, 'tsv'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: PAGE_TIMEOUT_MS,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject((e as NodeJS.ErrnoException).code === 'ENOENT' ? new OcrEngineMissing('tesseract is not on PATH') : e));
    child.on('close', (code) => {
      if (code === 0) resolve(tsvWords(Buffer.concat(out).toString('utf8')));
      else reject(new Error(`tesseract exited with ${code}: ${Buffer.concat(err).toString('utf8').trim().split('\n').pop() ?? ''}`));
    });
    child.stdin.end();
  });
}

/** Many small images read in one engine run (a list file names them), each on its own: words per image. */
async function recognizeEach(imgs: readonly GreyImage[], options: readonly string[]): Promise<OcrWord[][]> {
  if (imgs.length === 0) return [];
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-ocr-'));
  try {
    const files = imgs.map((_, i) => join(dir, `${i}.pgm`));
    await Promise.all(imgs.map((img, i) => writeFile(files[i]!, toPgm(img))));
    await writeFile(join(dir, 'list.txt'), files.join('\n') + '\n');
    const per: OcrWord[][] = imgs.map(() => []);
    for (const { image, ...w } of await runTesseract(join(dir, 'list.txt'), imgs[0]!.dpi, options)) per[image - 1]?.push(w);
    return per;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const recognizeCells = (imgs: readonly GreyImage[]) => recognizeEach(imgs, ['-l', LANGUAGE, '--psm', PAGE_SEGMENTATION]);

/** The Tesseract engine, once it is known to be installed with chi_sim; its name says which model reads numbers. */
export async function tesseractEngine(): Promise<OcrEngine> {
  const { version, numbers } = await installed();
  const recognizeNumbers = (imgs: readonly GreyImage[], model: NumberModel = 'numbers') =>
    recognizeEach(imgs, ['-l', model === 'numbers' ? numbers : LANGUAGE, '--psm', LINE_SEGMENTATION, '-c', `tessedit_char_whitelist=${NUMBER_CHARACTERS}`]);
  return { name: `${version} (${LANGUAGE}, numbers ${numbers})`, recognizeCells, recognizeNumbers };
}
