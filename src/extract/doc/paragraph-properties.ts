/**
 * Paragraph properties of a Word 97-2003 document, as far as tables need
 * them: whether a paragraph is in a table, whether it ends a table row, and
 * the row's cell layout (sprmTDefTable: cell edges and merge flags). They are
 * read from the PAPX formatted disk pages that PlcBtePapx lists
 * ([MS-DOC] 2.8.6, 2.9.175); large property sets live in the Data stream
 * (sprmPHugePapx2).
 */
import { FC_PLCF_BTE_PAPX, type WordStreams } from './word-streams.ts';

/** A formatted disk page is 512 bytes. */
const FKP_SIZE = 512;
/** Size of a BxPap entry in a PAPX FKP. */
const BX_SIZE = 13;

const SPRM_P_F_IN_TABLE = 0x2416;
const SPRM_P_F_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_F_INNER_TTP = 0x244c;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_VERT_MERGE = 0xd62b;

/** Vertical merge of a cell (TC80.vertMerge): 0 none, 1 continues the cell above, 3 starts a merge. */
export type VertMerge = 0 | 1 | 3;

export interface CellDef {
  /** Left and right edge, twips from the row's origin. */
  left: number;
  right: number;
  /** 1: the first of cells merged across (old horizontal merge); 2: merged into the cell before. */
  horzMerge: number;
  vertMerge: VertMerge;
}

export interface ParaProps {
  inTable: boolean;
  /** Ends a table row (table terminating paragraph). */
  rowEnd: boolean;
  /** Table depth: 0 outside tables, 1 in a table, 2+ in a table nested in a cell. */
  depth: number;
  /** The row's cells, on a row-end paragraph that defines them. */
  cells?: CellDef[];
}

interface PapxRun {
  fcStart: number;
  fcEnd: number;
  grpprl: Buffer;
}

/** Operand length of a sprm at `at` (its 2-byte code already read), by its spra ([MS-DOC] 2.2.5.1). */
function operandSize(buf: Buffer, at: number, sprm: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      if (sprm === SPRM_T_DEF_TABLE) return at + 2 <= buf.length ? buf.readUInt16LE(at) + 1 : buf.length - at;
      return at < buf.length ? buf[at]! + 1 : 0;
  }
}

/** The sprms of a grpprl as [code, operand]. */
export function sprms(grpprl: Buffer): Array<[number, Buffer]> {
  const out: Array<[number, Buffer]> = [];
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    const size = operandSize(grpprl, at + 2, sprm);
    out.push([sprm, grpprl.subarray(at + 2, at + 2 + size)]);
    at += 2 + size;
  }
  return out;
}

function papxRunsOfPage(word: Buffer, page: number): PapxRun[] {
  const base = page * FKP_SIZE;
  if (base + FKP_SIZE > word.length) return [];
  const fkp = word.subarray(base, base + FKP_SIZE);
  const crun = fkp[FKP_SIZE - 1]!;
  const runs: PapxRun[] = [];
  for (let i = 0; i < crun; i++) {
    const fcStart = fkp.readUInt32LE(i * 4);
    const fcEnd = fkp.readUInt32LE((i + 1) * 4);
    const off = fkp[(crun + 1) * 4 + i * BX_SIZE]! * 2;
    if (off === 0) {
      runs.push({ fcStart, fcEnd, grpprl: Buffer.alloc(0) });
      continue;
    }
    let cb = fkp[off]!;
    let start = off + 1;
    let size = cb * 2 - 1;
    if (cb === 0) {
      cb = fkp[off + 1]!;
      start = off + 2;
      size = cb * 2;
    }
    // The first two bytes are the paragraph's style (istd).
    runs.push({ fcStart, fcEnd, grpprl: fkp.subarray(start + 2, Math.min(start + size, FKP_SIZE)) });
  }
  return runs;
}

/** Every PAPX run of the document, in file order. */
function papxRuns(streams: WordStreams): PapxRun[] {
  const { fc, lcb } = streams.fcLcb(FC_PLCF_BTE_PAPX);
  if (lcb < 12 || fc + lcb > streams.table.length) return [];
  const n = (lcb - 4) / 8;
  const runs: PapxRun[] = [];
  for (let i = 0; i < n; i++) runs.push(...papxRunsOfPage(streams.word, streams.table.readUInt32LE(fc + (n + 1) * 4 + i * 4) & 0x3fffff));
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

function cellDefs(op: Buffer): CellDef[] {
  const count = op[2] ?? 0;
  const edgesAt = 3;
  const tcAt = edgesAt + (count + 1) * 2;
  const cells: CellDef[] = [];
  for (let i = 0; i < count && edgesAt + (i + 2) * 2 <= op.length; i++) {
    const tcgrf = tcAt + i * 20 + 2 <= op.length ? op.readUInt16LE(tcAt + i * 20) : 0;
    const vm = (tcgrf >> 5) & 3;
    cells.push({
      left: op.readInt16LE(edgesAt + i * 2),
      right: op.readInt16LE(edgesAt + (i + 1) * 2),
      horzMerge: tcgrf & 3,
      vertMerge: vm === 1 ? 1 : vm === 3 || vm === 2 ? 3 : 0,
    });
  }
  return cells;
}

function propsOf(grpprl: Buffer, data: Buffer): ParaProps {
  let props: ParaProps = { inTable: false, rowEnd: false, depth: 0 };
  for (const [sprm, op] of sprms(grpprl)) {
    if (sprm === SPRM_P_HUGE_PAPX && op.length >= 4) {
      const at = op.readUInt32LE(0);
      if (at + 2 <= data.length) {
        const huge = propsOf(data.subarray(at + 2, at + 2 + data.readUInt16LE(at)), data);
        props = { inTable: props.inTable || huge.inTable, rowEnd: props.rowEnd || huge.rowEnd, depth: Math.max(props.depth, huge.depth), cells: huge.cells ?? props.cells };
      }
    } else if (sprm === SPRM_P_F_IN_TABLE) props = { ...props, inTable: op[0] === 1, depth: Math.max(props.depth, op[0] === 1 ? 1 : 0) };
    else if (sprm === SPRM_P_F_TTP || sprm === SPRM_P_F_INNER_TTP) props = { ...props, rowEnd: props.rowEnd || op[0] === 1 };
    else if (sprm === SPRM_P_ITAP && op.length >= 4) props = { ...props, depth: op.readInt32LE(0), inTable: op.readInt32LE(0) > 0 || props.inTable };
    else if (sprm === SPRM_T_DEF_TABLE) props = { ...props, cells: cellDefs(op) };
    else if (sprm === SPRM_T_VERT_MERGE && props.cells && op.length >= 3) {
      const itc = op[1]!;
      const vm = op[2]!;
      props = { ...props, cells: props.cells.map((c, i) => (i === itc ? { ...c, vertMerge: vm === 1 ? 1 : vm ? 3 : 0 } : c)) };
    }
  }
  return props;
}

/** Looks up the properties of the paragraph whose mark is at file offset `fc`. */
export function paragraphProperties(streams: WordStreams): (fc: number) => ParaProps {
  const runs = papxRuns(streams);
  const none: ParaProps = { inTable: false, rowEnd: false, depth: 0 };
  const cache = new Map<PapxRun, ParaProps>();
  return (fc) => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const run = runs[mid]!;
      if (fc < run.fcStart) hi = mid - 1;
      else if (fc >= run.fcEnd) lo = mid + 1;
      else {
        if (!cache.has(run)) cache.set(run, propsOf(run.grpprl, streams.data));
        return cache.get(run)!;
      }
    }
    return none;
  };
}
