import { Global, Module } from '@nestjs/common';
import { HushConfig, loadConfig } from './config';

@Global()
@Module({
  providers: [{ provide: HushConfig, useFactory: () => loadConfig() }],
  exports: [HushConfig],
})
export class ConfigModule {}
