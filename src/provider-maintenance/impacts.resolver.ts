import type { Type } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BadUserInputError } from '../common/errors/domain-error';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { RedundancyRiskType } from '../common/redundancy/redundancy-risk.type';
import { RedundancyPort } from '../common/redundancy/redundancy.port';
import { ImpactTargetType } from '../common/targets/impact-target.type';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import type { RequestContext } from '../common/graphql/request-context';
import type { Impact } from './entities/maintenance.entity';
import { effectsOn } from './impact-effects';
import { ImpactsService } from './impacts.service';
import { MaintenanceService } from './maintenance.service';
import {
  AddImpactInput,
  AttachNotificationInput,
  EventNotificationType,
  ImpactedTargetType,
  ImpactType,
  MaintenanceType,
  UpdateImpactInput,
} from './maintenance.types';
import { OutageType } from './outages/outage.types';

function toImpact(i: Impact): ImpactType {
  return Object.assign(new ImpactType(), {
    id: i.id,
    level: i.level,
    target: ImpactTargetType.of(i.targetType, i.targetId),
  });
}

const uuidArg = (name: string) => Args(name, { type: () => ID });
const RISKS_HELP =
  'The redundancy risks it is among the causes of: intervals in which too few members of a group are available (looked for up to a year around it).';

@Resolver(() => ImpactType)
export class ImpactsResolver {
  constructor(
    private readonly impacts: ImpactsService,
    private readonly maintenances: MaintenanceService,
  ) {}

  @Query(() => [ImpactedTargetType], {
    description:
      'Everything the impacts (above NO_IMPACT) of one maintenance or outage reach — through containment, what monitors watch and what services depend on — with the chain, whatever its status: what it quiets, or would once confirmed.',
  })
  async impactedTargets(
    @Args('maintenanceId', { type: () => ID, nullable: true }) maintenanceId: string | null,
    @Args('outageId', { type: () => ID, nullable: true }) outageId: string | null,
  ) {
    if (!maintenanceId === !outageId)
      throw BadUserInputError.field(maintenanceId ? 'outageId' : 'maintenanceId', 'give exactly one of maintenanceId and outageId');
    const reached = await this.impacts.reached(maintenanceId ? { maintenanceId } : { outageId: outageId! });
    return reached.map((r) =>
      Object.assign(new ImpactedTargetType(), {
        target: ImpactTargetType.of(r.target.type, r.target.id),
        via: r.via.map((n) => ImpactTargetType.of(n.type, n.id)),
        level: r.level,
        effects: effectsOn(r.target.type),
      }),
    );
  }

  @Mutation(() => ImpactType, { description: 'IMPACTS_FROZEN once the maintenance is COMPLETED or CANCELLED.' })
  async addImpact(@uuidArg('maintenanceId') maintenanceId: string, @Args('input') input: AddImpactInput, @CurrentActor() actor: Actor) {
    return toImpact(await this.impacts.add({ maintenanceId }, input, actor));
  }

  @Mutation(() => ImpactType, {
    description: 'IMPACTS_FROZEN once the outage is RESOLVED. updateImpact and removeImpact take its impacts too.',
  })
  async addOutageImpact(@uuidArg('outageId') outageId: string, @Args('input') input: AddImpactInput, @CurrentActor() actor: Actor) {
    return toImpact(await this.impacts.add({ outageId }, input, actor));
  }

  @Mutation(() => ImpactType)
  async updateImpact(@uuidArg('id') id: string, @Args('input') input: UpdateImpactInput, @CurrentActor() actor: Actor) {
    return toImpact(await this.impacts.update(id, input, actor));
  }

  @Mutation(() => ImpactType, { description: 'Returns the impact as it was.' })
  async removeImpact(@uuidArg('id') id: string, @CurrentActor() actor: Actor) {
    return toImpact(await this.impacts.remove(id, actor));
  }

  @Mutation(() => EventNotificationType)
  async attachNotification(
    @uuidArg('maintenanceId') maintenanceId: string,
    @Args('input') input: AttachNotificationInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.impacts.attachNotification({ maintenanceId }, input, actor);
  }

  @Mutation(() => EventNotificationType, { description: "Keeps a provider's message about an outage, as received, on its timeline." })
  async attachOutageNotification(
    @uuidArg('outageId') outageId: string,
    @Args('input') input: AttachNotificationInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.impacts.attachNotification({ outageId }, input, actor);
  }
}

/** The fields a maintenance and an outage both have through their impacts: `owner` is the impact's column naming it. */
function impactFieldsResolver(type: Type<{ id: string }>, source: SuppressionSource, owner: 'maintenanceId' | 'outageId'): Type<unknown> {
  @Resolver(() => type)
  class ImpactFieldsResolver {
    constructor(
      private readonly impacts: ImpactsService,
      private readonly redundancy: RedundancyPort,
    ) {}

    @ResolveField(() => [RedundancyRiskType], { description: RISKS_HELP })
    risks(@Parent() parent: { id: string }) {
      return this.redundancy.risksCausedBy(source, parent.id);
    }

    @ResolveField(() => [ImpactType], { name: 'impacts' })
    async impactsOf(@Parent() parent: { id: string }, @Context() ctx: RequestContext) {
      return (await ctx.loaders.get(this.impacts.of, owner).load(parent.id)).map(toImpact);
    }

    @ResolveField(() => [EventNotificationType], { description: "The provider's messages about it, as received." })
    notifications(@Parent() parent: { id: string }, @Context() ctx: RequestContext) {
      return ctx.loaders.get(this.impacts.notificationsOf, owner).load(parent.id);
    }
  }
  Object.defineProperty(ImpactFieldsResolver, 'name', { value: `${type.name.replace(/Type$/, '')}ImpactsResolver` });
  return ImpactFieldsResolver;
}

export const MaintenanceImpactsResolver = impactFieldsResolver(MaintenanceType, SuppressionSource.PROVIDER_MAINTENANCE, 'maintenanceId');
export const OutageImpactsResolver = impactFieldsResolver(OutageType, SuppressionSource.PROVIDER_OUTAGE, 'outageId');
