import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import { ChangeLogFeed } from '../common/changelog/changelog.feed';
import type { RequestContext } from '../common/graphql/request-context';
import { TimeZoneScalar } from '../common/scalars/scalars';
import { HushConfig } from '../config/config';
import { InventoryService } from './inventory/inventory.service';
import { toMaintenance } from './maintenance.mappers';
import { MaintenanceQueryService } from './maintenance-query.service';
import { MaintenanceService } from './maintenance.service';
import {
  CreateMaintenanceInput,
  MaintenanceChangeType,
  MaintenanceConnection,
  MaintenanceFilter,
  MaintenanceType,
  RescheduleMaintenanceInput,
  UpdateMaintenanceInput,
} from './maintenance.types';
import { hasTimeZoneDifference, inZone } from './original-time-zone';
import { idArg, providerWorkQuickActions, providerWorkResolver } from './provider-work-resolver.factory';
import { cancel, markCompleted, markInProgress } from './workflow/maintenance-workflow';

@Resolver(() => MaintenanceType)
export class MaintenanceResolver extends providerWorkResolver(MaintenanceService, MaintenanceQueryService, {
  types: [MaintenanceType, MaintenanceConnection, MaintenanceFilter, MaintenanceChangeType],
  toType: toMaintenance,
  changes: 'status, times, impacts, notifications',
}) {
  constructor(
    service: MaintenanceService,
    queries: MaintenanceQueryService,
    inventory: InventoryService,
    changes: ChangeLogFeed,
    private readonly config: HushConfig,
  ) {
    super(service, queries, inventory, changes);
  }

  @Mutation(() => MaintenanceType, { description: 'With `replacesId`, the replaced maintenance becomes RE_SCHEDULED.' })
  async createMaintenance(@Args('input') input: CreateMaintenanceInput, @CurrentActor() actor: Actor) {
    return toMaintenance(await this.service.create({ originalTimeZone: null, replacesId: null, ...input }, actor));
  }

  @Mutation(() => MaintenanceType, { description: '`status` may change only along the workflow (INVALID_TRANSITION otherwise).' })
  async updateMaintenance(@idArg() id: string, @Args('input') input: UpdateMaintenanceInput, @CurrentActor() actor: Actor) {
    return toMaintenance(await this.service.update(id, input, actor));
  }

  @Mutation(() => MaintenanceType, {
    description: 'A TENTATIVE copy with the new window that replaces this one, which becomes RE_SCHEDULED.',
  })
  async rescheduleMaintenance(@idArg() id: string, @Args('input') input: RescheduleMaintenanceInput, @CurrentActor() actor: Actor) {
    return toMaintenance(await this.service.reschedule(id, input, actor));
  }

  @ResolveField(() => MaintenanceType, { nullable: true, description: 'The maintenance this one replaces.' })
  async replaces(@Parent() m: MaintenanceType, @Context() ctx: RequestContext) {
    if (!m.replacesId) return null;
    const replaced = await ctx.loaders.get(this.service.byId).load(m.replacesId);
    return replaced ? toMaintenance(replaced) : null;
  }

  @ResolveField(() => MaintenanceType, { nullable: true, description: 'The maintenance that replaces this one, if rescheduled.' })
  async replacedBy(@Parent() m: MaintenanceType, @Context() ctx: RequestContext) {
    const replacements = await ctx.loaders.get(this.service.replacedBy).load(m.id);
    return replacements.length ? toMaintenance(replacements[replacements.length - 1]) : null;
  }

  @ResolveField(() => String, { description: "Local time with offset in the provider's zone (UTC when it has none)." })
  startsAtInOriginalTimeZone(@Parent() m: MaintenanceType) {
    return inZone(m.startsAt, m.originalTimeZone);
  }

  @ResolveField(() => String)
  endsAtInOriginalTimeZone(@Parent() m: MaintenanceType) {
    return inZone(m.endsAt, m.originalTimeZone);
  }

  @ResolveField(() => Boolean, {
    description: "True when the provider's zone is set and its offset differs from the viewer's (default HUSH_DEFAULT_TIME_ZONE).",
  })
  hasTimeZoneDifference(
    @Parent() m: MaintenanceType,
    @Args('viewerTimeZone', { type: () => TimeZoneScalar, nullable: true }) viewer: string | null,
  ) {
    return hasTimeZoneDifference(m.startsAt, m.originalTimeZone, viewer ?? this.config.HUSH_DEFAULT_TIME_ZONE);
  }
}

/** Deleting and the workflow's quick actions: each `(id: ID!): Maintenance`. */
export const MaintenanceQuickActions = providerWorkQuickActions(MaintenanceService, MaintenanceType, toMaintenance, {
  markMaintenanceInProgress: [markInProgress, 'IN_PROCESS; refused from COMPLETED, CANCELLED and RE_SCHEDULED.'],
  markMaintenanceCompleted: [markCompleted, 'COMPLETED; refused from CANCELLED; nothing changes when already COMPLETED.'],
  cancelMaintenance: [cancel, 'CANCELLED; refused from COMPLETED and CANCELLED.'],
});
