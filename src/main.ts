import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { seedDemo } from './demo-seed';
import { ROOT_LOGGER } from './common/logging/logging.module';
import type { Logger } from 'pino';
import { HushConfig } from './config/config';
import { handleShutdownSignals } from './common/shutdown/graceful-shutdown';

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  configureApp(app);
  const config = app.get(HushConfig);
  // Instead of Nest's enableShutdownHooks: requests in flight finish first, and the exit code is 0.
  handleShutdownSignals(app, config.HUSH_SHUTDOWN_GRACE_MS);
  await app.listen(config.PORT);
  if (config.HUSH_DEMO) {
    const demo = await seedDemo(app);
    app.get<Logger>(ROOT_LOGGER).info(demo.seeded ? demo.summary : `HUSH_DEMO: skipped, ${demo.reason}`);
  }
  const base = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const store = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.HUSH_DATA_DIR}`;
  process.stdout.write(
    [
      '',
      `Hush is serving on ${store}`,
      `  GraphQL      POST ${base}/graphql   (subscriptions: ${base.replace(/^http/, 'ws')}/graphql)`,
      config.ideEnabled ? `  GraphQL IDE  ${base}/graphql` : '  GraphQL IDE  off (HUSH_IDE)',
      `  Health       ${base}/health`,
      '',
    ].join('\n') + '\n',
  );
}

void bootstrap();
