import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COMMON_ENTITIES } from './common.entities';
import { ChangeLogFeed } from './changelog/changelog.feed';
import { ChangeLogResolver } from './changelog/changelog.resolver';
import { ChangeLogService } from './changelog/changelog.service';
import { Clock, SystemClock } from './clock/clock';
import { DomainErrorFilter } from './errors/http-error.filter';
import { InputValidationPipe } from './graphql/validation.pipe';
import { HealthController } from './health/health.controller';
import { OverloadMonitor } from './overload/overload-monitor';
import { ShedLoad } from './overload/shed-load.plugin';
import { DependencyLists } from './suppression/dependency-list';
import { DependencyRegistry } from './suppression/dependency.registry';
import { SuppressionSourceRegistry } from './suppression/suppression-source.registry';
import { ImpactTargetResolver } from './targets/impact-target.resolver';
import { TargetRegistry } from './targets/target-registry';

/** What every module uses: the clock, the changelog, the target and suppression-source registries, validation, error mapping and load shedding. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(COMMON_ENTITIES)],
  controllers: [HealthController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    ChangeLogService,
    TargetRegistry,
    SuppressionSourceRegistry,
    DependencyRegistry,
    DependencyLists,
    ChangeLogFeed,
    ChangeLogResolver,
    ImpactTargetResolver,
    OverloadMonitor,
    ShedLoad,
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
  exports: [
    Clock,
    ChangeLogService,
    ChangeLogFeed,
    TargetRegistry,
    SuppressionSourceRegistry,
    DependencyRegistry,
    DependencyLists,
    OverloadMonitor,
  ],
})
export class CommonModule {}
