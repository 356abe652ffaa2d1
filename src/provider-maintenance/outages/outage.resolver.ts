import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import type { ChangeLogEntry } from '../../common/changelog/changelog-entry.entity';
import { ChangeLogFeed } from '../../common/changelog/changelog.feed';
import { ChangeLogEntryType } from '../../common/changelog/changelog.types';
import type { RequestContext } from '../../common/graphql/request-context';
import { PageArgs } from '../../common/pagination/page-args';
import { PROVIDER } from '../inventory/inventory.kinds';
import { InventoryService } from '../inventory/inventory.service';
import { ProviderType } from '../inventory/inventory.types';
import { clampTimelineLimit, timelineLimitArg } from '../timeline-limit';
import { identify, investigate, monitor } from '../workflow/outage-workflow';
import { quickActionsResolver } from '../workflow/quick-actions-resolver.factory';
import { toOutage } from './outage.mappers';
import { OutageQueryService } from './outage-query.service';
import { OUTAGE_OBJECT_TYPE, OutageService } from './outage.service';
import { CreateOutageInput, OutageChangeType, OutageConnection, OutageFilter, OutageType, UpdateOutageInput } from './outage.types';

const id = () => Args('id', { type: () => ID });

@Resolver(() => OutageType)
export class OutageResolver {
  constructor(
    private readonly service: OutageService,
    private readonly queries: OutageQueryService,
    private readonly inventory: InventoryService,
    private readonly changes: ChangeLogFeed,
  ) {}

  @Subscription(() => OutageChangeType, {
    description: 'Each committed change of a provider outage (status, times, impacts…), or of the one with `id`.',
    filter: (entry: ChangeLogEntry, args: { id?: string }) =>
      entry.objectType === OUTAGE_OBJECT_TYPE && (!args.id || entry.objectId === args.id),
    async resolve(this: OutageResolver, entry: ChangeLogEntry) {
      const outage = entry.action === 'DELETE' ? null : await this.service.find(entry.objectId);
      return Object.assign(new OutageChangeType(), { change: ChangeLogEntryType.from(entry), outage: outage && toOutage(outage) });
    },
  })
  outageChanged(@Args('id', { type: () => ID, nullable: true }) _id: string | null) {
    return this.changes.stream();
  }

  @Query(() => OutageConnection, { description: 'Provider outages by start.' })
  async outages(@Args('filter', { type: () => OutageFilter, nullable: true }) filter: OutageFilter, @Args() page: PageArgs) {
    const c = await this.queries.list(filter ?? {}, page);
    return { ...c, nodes: c.nodes.map(toOutage) };
  }

  @Query(() => OutageType)
  async outage(@id() outageId: string) {
    return toOutage(await this.service.get(outageId));
  }

  @Mutation(() => OutageType, { description: 'REPORTED; it began now unless `startsAt` says when.' })
  async createOutage(@Args('input') input: CreateOutageInput, @CurrentActor() actor: Actor) {
    return toOutage(await this.service.create({ ...input, estimatedTimeToRepair: input.estimatedTimeToRepair ?? null }, actor));
  }

  @Mutation(() => OutageType)
  async updateOutage(@id() outageId: string, @Args('input') input: UpdateOutageInput, @CurrentActor() actor: Actor) {
    return toOutage(await this.service.update(outageId, input, actor));
  }

  @Mutation(() => OutageType, {
    description: 'RESOLVED at `endsAt` (now when omitted; not before startsAt): it stops suppressing then. Final.',
  })
  async resolveOutage(
    @id() outageId: string,
    @Args('endsAt', { type: () => Date, nullable: true }) endsAt: Date | null,
    @CurrentActor() actor: Actor,
  ) {
    return toOutage(await this.service.resolve(outageId, endsAt, actor));
  }

  @ResolveField(() => ProviderType)
  async provider(@Parent() o: OutageType, @Context() ctx: RequestContext) {
    return ProviderType.from((await ctx.loaders.get(this.inventory.byId(PROVIDER)).load(o.providerId))!);
  }

  @ResolveField(() => [ChangeLogEntryType], { description: 'Recorded changes, newest first, each with the status after it.' })
  async timeline(@Parent() o: OutageType, @timelineLimitArg() limit: number) {
    return (await this.service.timeline(o.id, clampTimelineLimit(limit))).map(ChangeLogEntryType.from);
  }
}

/** Deleting and the workflow's quick actions: each `(id: ID!): Outage`. */
export const OutageQuickActions = quickActionsResolver({
  name: 'OutageQuickActions',
  service: OutageService,
  type: OutageType,
  toType: toOutage,
  actions: [
    { name: 'deleteOutage', run: (s, id, actor) => s.delete(id, actor) },
    { name: 'acknowledgeOutage', description: 'Marks it reviewed; idempotent.', run: (s, id, actor) => s.acknowledge(id, actor) },
    {
      name: 'investigateOutage',
      description: 'INVESTIGATING: from REPORTED, or from MONITORING when it came back.',
      run: (s, id, actor) => s.transition(id, investigate, actor),
    },
    {
      name: 'identifyOutage',
      description: 'IDENTIFIED: the cause is known; refused from MONITORING and RESOLVED.',
      run: (s, id, actor) => s.transition(id, identify, actor),
    },
    {
      name: 'monitorOutage',
      description: 'MONITORING: a fix is in; refused from RESOLVED.',
      run: (s, id, actor) => s.transition(id, monitor, actor),
    },
  ],
});
