import type { INestApplication } from '@nestjs/common';
import { HushConfig } from './config/config';
import { ROOT_LOGGER } from './common/logging/logging.module';
import { NestPinoLogger } from './common/logging/logger';

/** What main.ts and the e2e tests both do to a created app, so tests run what production runs. */
export function configureApp(app: INestApplication): void {
  app.useLogger(new NestPinoLogger(app.get(ROOT_LOGGER)));
  const config = app.get(HushConfig);
  const origins = config.HUSH_CORS_ORIGINS;
  if (origins) app.enableCors({ origin: origins === '*' ? true : origins.split(',').map((o) => o.trim()), credentials: true });
}
