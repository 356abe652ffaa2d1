import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ChangeLogFeed } from './changelog/changelog.feed';
import { ChangeLogResolver } from './changelog/changelog.resolver';
import { ChangeLogService } from './changelog/changelog.service';
import { Clock, SystemClock } from './clock/clock';
import { DomainErrorFilter } from './errors/http-error.filter';
import { InputValidationPipe } from './graphql/validation.pipe';
import { HealthController } from './health/health.controller';
import { TargetRegistry } from './targets/target-registry';

/** What every module uses: the clock, the changelog, the target registry, validation and error mapping. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    ChangeLogService,
    TargetRegistry,
    ChangeLogFeed,
    ChangeLogResolver,
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
  exports: [Clock, ChangeLogService, ChangeLogFeed, TargetRegistry],
})
export class CommonModule {}
