import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RedundancyPort } from '../common/redundancy/redundancy.port';
import { REDUNDANCY_ENTITIES } from './redundancy.entities';
import { RedundancyGroupsResolver, RedundancyRiskResolver } from './redundancy.resolver';
import { RedundancyGroupsService } from './redundancy-groups.service';
import { RedundancyRisksService } from './redundancy-risks.service';
import { RiskChangeFeed } from './risk-change.feed';
import { RiskWatch } from './risk-watch.service';

/** Redundancy groups, and the risks of too few of their members being available at once (offered to other modules as the RedundancyPort). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(REDUNDANCY_ENTITIES)],
  providers: [
    RedundancyGroupsService,
    RedundancyRisksService,
    { provide: RedundancyPort, useExisting: RedundancyRisksService },
    RedundancyGroupsResolver,
    RedundancyRiskResolver,
    RiskWatch,
    RiskChangeFeed,
  ],
  exports: [RedundancyPort, RiskWatch],
})
export class RedundancyModule {}
