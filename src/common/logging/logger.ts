import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * One line of JSON per event in production; readable lines in development.
 * Written synchronously so a crash never loses the line that explains it.
 */
export function createLogger(options: { production: boolean; level: string }): Logger {
  const base = { level: options.level, base: undefined };
  if (options.production) return pino(base);
  return pino(base, pretty({ sync: true, colorize: process.stdout.isTTY, ignore: 'pid,hostname' }));
}

/** Lets Nest's own messages (module init, routes) go through the same logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
