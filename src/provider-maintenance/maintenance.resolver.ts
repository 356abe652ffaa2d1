import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import type { ChangeLogEntry } from '../common/changelog/changelog-entry.entity';
import { ChangeLogFeed } from '../common/changelog/changelog.feed';
import { ChangeLogEntryType } from '../common/changelog/changelog.types';
import type { RequestContext } from '../common/graphql/request-context';
import { PageArgs } from '../common/pagination/page-args';
import { TimeZoneScalar } from '../common/scalars/scalars';
import { HushConfig } from '../config/config';
import { PROVIDER } from './inventory/inventory.kinds';
import { InventoryService } from './inventory/inventory.service';
import { ProviderType } from './inventory/inventory.types';
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
import { cancel, markCompleted, markInProgress } from './workflow/maintenance-workflow';
import { quickActionsResolver } from './workflow/quick-actions-resolver.factory';
import { clampTimelineLimit, timelineLimitArg } from './timeline-limit';

const id = () => Args('id', { type: () => ID });

@Resolver(() => MaintenanceType)
export class MaintenanceResolver {
  constructor(
    private readonly service: MaintenanceService,
    private readonly queries: MaintenanceQueryService,
    private readonly inventory: InventoryService,
    private readonly config: HushConfig,
    private readonly changes: ChangeLogFeed,
  ) {}

  @Subscription(() => MaintenanceChangeType, {
    description: 'Each committed change of a provider maintenance (status, times, impacts, notifications…), or of the one with `id`.',
    filter: (entry: ChangeLogEntry, args: { id?: string }) =>
      entry.objectType === 'Maintenance' && (!args.id || entry.objectId === args.id),
    async resolve(this: MaintenanceResolver, entry: ChangeLogEntry) {
      const maintenance = entry.action === 'DELETE' ? null : await this.service.find(entry.objectId);
      return Object.assign(new MaintenanceChangeType(), {
        change: ChangeLogEntryType.from(entry),
        maintenance: maintenance && toMaintenance(maintenance),
      });
    },
  })
  maintenanceChanged(@Args('id', { type: () => ID, nullable: true }) _id: string | null) {
    return this.changes.stream();
  }

  @Query(() => MaintenanceConnection, { description: 'Provider maintenances by start.' })
  async maintenances(@Args('filter', { type: () => MaintenanceFilter, nullable: true }) filter: MaintenanceFilter, @Args() page: PageArgs) {
    const c = await this.queries.list(filter ?? {}, page);
    return { ...c, nodes: c.nodes.map(toMaintenance) };
  }

  @Query(() => MaintenanceType)
  async maintenance(@id() maintenanceId: string) {
    return toMaintenance(await this.service.get(maintenanceId));
  }

  @Mutation(() => MaintenanceType, { description: 'With `replacesId`, the replaced maintenance becomes RE_SCHEDULED.' })
  async createMaintenance(@Args('input') input: CreateMaintenanceInput, @CurrentActor() actor: Actor) {
    return toMaintenance(await this.service.create({ originalTimeZone: null, replacesId: null, ...input }, actor));
  }

  @Mutation(() => MaintenanceType, { description: '`status` may change only along the workflow (INVALID_TRANSITION otherwise).' })
  async updateMaintenance(@id() maintenanceId: string, @Args('input') input: UpdateMaintenanceInput, @CurrentActor() actor: Actor) {
    return toMaintenance(await this.service.update(maintenanceId, input, actor));
  }

  @Mutation(() => MaintenanceType, {
    description: 'A TENTATIVE copy with the new window that replaces this one, which becomes RE_SCHEDULED.',
  })
  async rescheduleMaintenance(@id() maintenanceId: string, @Args('input') input: RescheduleMaintenanceInput, @CurrentActor() actor: Actor) {
    return toMaintenance(await this.service.reschedule(maintenanceId, input, actor));
  }

  @ResolveField(() => ProviderType)
  async provider(@Parent() m: MaintenanceType, @Context() ctx: RequestContext) {
    return ProviderType.from((await ctx.loaders.get(this.inventory.byId(PROVIDER)).load(m.providerId))!);
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

  @ResolveField(() => [ChangeLogEntryType], { description: 'Recorded changes, newest first, each with the status after it.' })
  async timeline(@Parent() m: MaintenanceType, @timelineLimitArg() limit: number) {
    return (await this.service.timeline(m.id, clampTimelineLimit(limit))).map(ChangeLogEntryType.from);
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
export const MaintenanceQuickActions = quickActionsResolver({
  name: 'MaintenanceQuickActions',
  service: MaintenanceService,
  type: MaintenanceType,
  toType: toMaintenance,
  actions: [
    { name: 'deleteMaintenance', run: (s, id, actor) => s.delete(id, actor) },
    { name: 'acknowledgeMaintenance', description: 'Marks it reviewed; idempotent.', run: (s, id, actor) => s.acknowledge(id, actor) },
    {
      name: 'markMaintenanceInProgress',
      description: 'IN_PROCESS; refused from COMPLETED, CANCELLED and RE_SCHEDULED.',
      run: (s, id, actor) => s.transition(id, markInProgress, actor),
    },
    {
      name: 'markMaintenanceCompleted',
      description: 'COMPLETED; refused from CANCELLED; nothing changes when already COMPLETED.',
      run: (s, id, actor) => s.transition(id, markCompleted, actor),
    },
    {
      name: 'cancelMaintenance',
      description: 'CANCELLED; refused from COMPLETED and CANCELLED.',
      run: (s, id, actor) => s.transition(id, cancel, actor),
    },
  ],
});
