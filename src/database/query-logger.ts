import { Injectable, Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';

/** Counts SQL statements; the N+1 tests read it around a request. */
@Injectable()
export class QueryCounter {
  count = 0;
}

/** Routes TypeORM's messages to the app logger: failed and slow queries, schema and migration notes. */
export class TypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('SQL');

  constructor(private readonly counter: QueryCounter) {}

  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner) {
    this.counter.count++;
  }
  logQueryError(error: string | Error, query: string) {
    this.counter.count++;
    this.logger.warn(`query failed: ${error instanceof Error ? error.message : error} — ${query.slice(0, 500)}`);
  }
  logQuerySlow(time: number, query: string) {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 500)}`);
  }
  logSchemaBuild(message: string) {
    this.logger.debug(message);
  }
  logMigration(message: string) {
    this.logger.debug(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
