import { Global, Module } from '@nestjs/common';
import { HushConfig } from '../../config/config';
import { createLogger } from './logger';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

@Global()
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [HushConfig],
      useFactory: (c: HushConfig) => createLogger({ production: c.production, level: c.LOG_LEVEL }),
    },
  ],
  exports: [ROOT_LOGGER],
})
export class LoggingModule {}
