/**
 * Money cells in one unit: a printed amount and its unit (元, 千元, 万元,
 * 亿元) as yuan, in exact decimal arithmetic (a scaled bigint, never a
 * float product), as the DECIMAL text the warehouse stores.
 */

/** Fractional digits of amount_printed and amount_yuan (DECIMAL(18,6) and DECIMAL(24,6) in sql/schema.sql). */
export const MONEY_SCALE = 6;

/** Yuan per unit as printed. */
export const YUAN_PER_UNIT: Readonly<Record<string, bigint>> = { 元: 1n, 千元: 1000n, 万元: 10_000n, 亿元: 100_000_000n };

/** The amount scaled by 10^MONEY_SCALE (rounded at that digit). */
function scaled(amount: number): bigint {
  const [whole, fraction = ''] = Math.abs(amount).toFixed(MONEY_SCALE).split('.');
  const n = BigInt(`${whole}${fraction}`);
  return amount < 0 ? -n : n;
}

/** A scaled bigint as decimal text with MONEY_SCALE fractional digits ("40682080.000000"). */
function decimalText(n: bigint): string {
  const sign = n < 0n ? '-' : '';
  const digits = (n < 0n ? -n : n).toString().padStart(MONEY_SCALE + 1, '0');
  return `${sign}${digits.slice(0, -MONEY_SCALE)}.${digits.slice(-MONEY_SCALE)}`;
}

/** The printed amount as DECIMAL text. */
export function amountText(amount: number): string {
  return decimalText(scaled(amount));
}

/**
 * The amount in yuan as DECIMAL text, or null when the unit is unknown
 * (no unit printed in the cell or its header): 0 is 0 yuan in any unit;
 * any other amount without a unit stays NULL rather than guessed.
 */
export function yuanText(amount: number | null, unit: string | null): string | null {
  if (amount === null) return null;
  if (amount === 0) return decimalText(0n);
  const factor = unit === null ? undefined : YUAN_PER_UNIT[unit];
  if (factor === undefined) return null;
  return decimalText(scaled(amount) * factor);
}
