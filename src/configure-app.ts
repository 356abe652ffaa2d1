import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { HushConfig } from './config/config';
import { ROOT_LOGGER } from './common/logging/logging.module';
import { NestPinoLogger } from './common/logging/logger';
import { readBodies } from './common/graphql/request-body';

/** What main.ts and the e2e tests both do to a created app, so tests run what production runs. */
export function configureApp(app: INestApplication): void {
  app.useLogger(new NestPinoLogger(app.get(ROOT_LOGGER)));
  const config = app.get(HushConfig);
  const origins = config.HUSH_CORS_ORIGINS;
  if (origins) app.enableCors({ origin: origins === '*' ? true : origins.split(',').map((o) => o.trim()), credentials: true });
  // Bodies up to 4 MB; one too large or unreadable is answered as a GraphQL error, not a bare 413/400.
  readBodies(app);
  // Express would hash every response body for an ETag, POSTs included (1 MB of calendar: milliseconds of CPU);
  // nothing revalidates GraphQL answers, and the calendar feed sets its own.
  (app as NestExpressApplication).set('etag', false);
  // Idle connections outlive the clients' own keep-alive (fetch: 4 s, most proxies: 60 s), so the server
  // never closes one just as a client reuses it (the client would see ECONNRESET).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}
