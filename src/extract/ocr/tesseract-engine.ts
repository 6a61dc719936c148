/**
 * Tesseract 5 with its chi_sim model (Debian: tesseract-ocr,
 * tesseract-ocr-chi-sim), run as a process: the page goes in on stdin as a
 * PGM, words come back as TSV (level 5 rows: box, confidence, text). One
 * thread per process (OMP_THREAD_LIMIT=1), so the result does not depend on
 * the machine's cores.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { toPgm, type GreyImage } from './grey-image.ts';
import { OcrEngineMissing, type OcrEngine, type OcrWord } from './ocr-engine.ts';

/** Tesseract's language model for simplified Chinese (it reads Latin digits too). */
const LANGUAGE = 'chi_sim';
/** Page segmentation mode 6: one uniform block of text; the table lines are painted out before, so a page reads as lines of words. */
const PAGE_SEGMENTATION = '6';
/** Characters a number cell is read with: digits, the decimal point and a thousands separator. */
const NUMBER_CHARACTERS = '0123456789.,';
/** Longest a page may take, in milliseconds, before the engine is stopped. */
const PAGE_TIMEOUT_MS = 120_000;
/** TSV row level of a word. */
const WORD_LEVEL = '5';

const run = promisify(execFile);

let checked: Promise<string> | null = null;

/** "tesseract 5.x.y", or OcrEngineMissing when tesseract or its chi_sim model is absent. */
export function tesseractVersion(): Promise<string> {
  checked ??= (async () => {
    let langs: string;
    let version: string;
    try {
      version = (await run('tesseract', ['--version'])).stdout.split('\n')[0]!.trim();
      langs = (await run('tesseract', ['--list-langs'])).stdout;
    } catch (e) {
      throw new OcrEngineMissing(`tesseract is not on PATH (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    }
    if (!langs.split(/\s+/).includes(LANGUAGE)) throw new OcrEngineMissing(`tesseract has no ${LANGUAGE} model (apt-get install tesseract-ocr-chi-sim)`);
    return version;
  })();
  return checked;
}

function tsvWords(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f[0] !== WORD_LEVEL || f.length < 12) continue;
    const text = f.slice(11).join('\t').trim();
    const conf = Number(f[10]);
    if (!text || conf < 0) continue;
    const [left, top, width, height] = f.slice(6, 10).map(Number) as [number, number, number, number];
    // block, paragraph and line numbers together name the line.
    const line = Number(f[2]) * 1_000_000 + Number(f[3]) * 1000 + Number(f[4]);
    words.push({ text, x0: left, y0: top, x1: left + width, y1: top + height, confidence: conf / 100, line });
  }
  return words;
}

/** The words of an image, read with the given extra Tesseract options (before the output format). */
function recognizeWith(img: GreyImage, options: readonly string[]): Promise<OcrWord[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', ['stdin', 'stdout', '-l', LANGUAGE, '--psm', PAGE_SEGMENTATION, '--dpi', String(img.dpi), ...options, 'tsv'], {
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
    child.stdin.on('error', () => undefined);
    child.stdin.end(toPgm(img));
  });
}

const recognize = (img: GreyImage) => recognizeWith(img, []);
const recognizeNumbers = (img: GreyImage) => recognizeWith(img, ['-c', `tessedit_char_whitelist=${NUMBER_CHARACTERS}`]);

/** The Tesseract engine, once it is known to be installed with chi_sim. */
export async function tesseractEngine(): Promise<OcrEngine> {
  const version = await tesseractVersion();
  return { name: version, recognize, recognizeNumbers };
}
