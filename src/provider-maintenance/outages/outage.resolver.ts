import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { idArg, providerWorkQuickActions, providerWorkResolver } from '../provider-work-resolver.factory';
import { identify, investigate, monitor } from '../workflow/outage-workflow';
import { toOutage } from './outage.mappers';
import { OutageQueryService } from './outage-query.service';
import { OutageService } from './outage.service';
import { CreateOutageInput, OutageChangeType, OutageConnection, OutageFilter, OutageType, UpdateOutageInput } from './outage.types';

@Resolver(() => OutageType)
export class OutageResolver extends providerWorkResolver(OutageService, OutageQueryService, {
  types: [OutageType, OutageConnection, OutageFilter, OutageChangeType],
  toType: toOutage,
  changes: 'status, times, impacts',
}) {
  @Mutation(() => OutageType, { description: 'REPORTED; it began now unless `startsAt` says when.' })
  async createOutage(@Args('input') input: CreateOutageInput, @CurrentActor() actor: Actor) {
    return toOutage(await this.service.create({ ...input, estimatedTimeToRepair: input.estimatedTimeToRepair ?? null }, actor));
  }

  @Mutation(() => OutageType)
  async updateOutage(@idArg() outageId: string, @Args('input') input: UpdateOutageInput, @CurrentActor() actor: Actor) {
    return toOutage(await this.service.update(outageId, input, actor));
  }

  @Mutation(() => OutageType, {
    description: 'RESOLVED at `endsAt` (now when omitted; not before startsAt): it stops suppressing then. Final.',
  })
  async resolveOutage(
    @idArg() outageId: string,
    @Args('endsAt', { type: () => Date, nullable: true }) endsAt: Date | null,
    @CurrentActor() actor: Actor,
  ) {
    return toOutage(await this.service.resolve(outageId, endsAt, actor));
  }
}

/** Deleting and the workflow's quick actions: each `(id: ID!): Outage`. */
export const OutageQuickActions = providerWorkQuickActions(OutageService, OutageType, toOutage, {
  investigateOutage: [investigate, 'INVESTIGATING: from REPORTED, or from MONITORING when it came back.'],
  identifyOutage: [identify, 'IDENTIFIED: the cause is known; refused from MONITORING and RESOLVED.'],
  monitorOutage: [monitor, 'MONITORING: a fix is in; refused from RESOLVED.'],
});
