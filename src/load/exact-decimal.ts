/**
 * A value for a DECIMAL(width, scale) column, exact: decimal text
 * ("40682080.000000") as printed, a number by its `toFixed(scale)`. A value
 * with more decimals than the column keeps is refused, never rounded. Pure:
 * the appender (warehouse-connection.ts) and the row files the workers write
 * (row-json.ts) share it.
 */
/** A DECIMAL(width, scale) column's DuckDB type: width and scale. */
export const DECIMAL_TYPE = /^DECIMAL\((\d+),\s*(\d+)\)$/;

export interface ExactDecimal {
  negative: boolean;
  /** The digits of value × 10^scale, without sign. */
  scaledDigits: string;
}

export function exactDecimal(v: unknown, scale: number, column: string): ExactDecimal {
  const text = typeof v === 'number' ? v.toFixed(scale) : String(v);
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) throw new Error(`column ${column}: ${text} is not a decimal number`);
  const fraction = (m[3] ?? '').padEnd(scale, '0');
  if (fraction.length > scale && /[^0]/.test(fraction.slice(scale))) throw new Error(`column ${column}: ${text} has more than ${scale} decimals`);
  return { negative: m[1] === '-', scaledDigits: `${m[2]}${fraction.slice(0, scale)}` };
}

/** The decimal as text with exactly `scale` decimals ("-12.500000"), which DuckDB casts without rounding. */
export function exactDecimalText(v: unknown, scale: number, column: string): string {
  const { negative, scaledDigits } = exactDecimal(v, scale, column);
  const digits = scaledDigits.padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${digits.slice(digits.length - scale)}` : ''}`;
}
