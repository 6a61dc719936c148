/**
 * The pipeline's structured log (pino, JSON lines on stderr). Level from
 * NIANBAO_LOG_LEVEL (default "warn": failures and unexpected errors only;
 * "info" adds one line per document and stage, for nightly logs).
 */
import { pino, type Logger } from 'pino';

export function createLogger(defaultLevel = 'warn'): Logger {
  return pino({ name: 'nianbao', level: process.env.NIANBAO_LOG_LEVEL ?? defaultLevel, base: undefined }, pino.destination(2));
}
