import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import { BulkResult } from '../common/bulk-result';
import type { RequestContext } from '../common/graphql/request-context';
import { PageArgs } from '../common/pagination/page-args';
import { OccurrenceType } from '../schedule-graphql/occurrence.type';
import { ScheduleType } from '../schedule-graphql/schedule.types';
import { BlackoutEventsService } from './blackout-events.service';
import { BlackoutPoliciesService } from './blackout-policies.service';
import { PolicyStatus } from './policy-status';
import {
  BlackoutPolicyPage,
  BlackoutPolicySearch,
  BlackoutPolicySort,
  BlackoutPolicyType,
  CreateBlackoutPolicyInput,
  BlackoutEventConnection,
  BlackoutEventFilter,
  BlackoutEventType,
  LegacyEventFilter,
  PageInput,
  PolicyRunType,
  PolicySortField,
  SelectorValidationType,
  SortOrder,
  UpdateBlackoutPolicyInput,
} from './blackouts.types';
import { EventInputType } from '../common/suppression/event-input.type';
import { validateSelector } from '../selector';
import { toBlackoutEvent } from './event.mapper';
import { toBlackoutPolicy, type PolicyRow } from './policy.mapper';

const ids = () => Args('ids', { type: () => [ID] });
const occurrence = (o: { start: Date; end: Date } | null) => (o ? OccurrenceType.of(o.start, o.end) : null);

@Resolver(() => BlackoutPolicyType)
export class BlackoutPoliciesResolver {
  constructor(
    private readonly policies: BlackoutPoliciesService,
    private readonly events: BlackoutEventsService,
  ) {}

  @Query(() => BlackoutPolicyPage, { description: 'Search, sort and page policies; `page.index` starts at 1.' })
  async blackoutPolicies(
    @Args('search', { type: () => BlackoutPolicySearch, nullable: true }) search: BlackoutPolicySearch,
    @Args('page', { type: () => PageInput, nullable: true }) page: PageInput,
    @Args('sort', { type: () => BlackoutPolicySort, nullable: true }) sort: BlackoutPolicySort,
  ) {
    const result = await this.policies.search(
      search ?? {},
      page ?? { index: 1, size: 25 },
      sort ?? { field: PolicySortField.NAME, order: SortOrder.ASC },
    );
    return { totalCount: result.totalCount, nodes: result.nodes.map(toBlackoutPolicy) };
  }

  @Query(() => BlackoutPolicyType)
  async blackoutPolicy(@Args('id', { type: () => ID }) id: string) {
    return toBlackoutPolicy(await this.policies.get(id));
  }

  @Query(() => SelectorValidationType, { description: 'Checks a selector without saving anything.' })
  async validateSelector(@Args('selector') selector: string): Promise<SelectorValidationType> {
    const result = validateSelector(selector, await this.events.attributeKeys());
    return { valid: result.valid, error: result.valid ? null : result.error, warnings: result.warnings };
  }

  @Mutation(() => BlackoutPolicyType)
  async createBlackoutPolicy(@Args('input') input: CreateBlackoutPolicyInput, @CurrentActor() actor: Actor) {
    return toBlackoutPolicy(await this.policies.create(input, actor));
  }

  @Mutation(() => BlackoutPolicyType, { description: 'The name cannot change; POLICY_ACTIVE while the policy is in an active occurrence.' })
  async updateBlackoutPolicy(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateBlackoutPolicyInput,
    @CurrentActor() actor: Actor,
  ) {
    return toBlackoutPolicy(await this.policies.update(id, input, actor));
  }

  @Mutation(() => BulkResult, { description: 'An active policy ends its blackout first (its end action runs).' })
  deleteBlackoutPolicies(@ids() policyIds: string[], @CurrentActor() actor: Actor) {
    return this.policies.delete(policyIds, actor);
  }

  @Mutation(() => BulkResult)
  enableBlackoutPolicies(@ids() policyIds: string[], @CurrentActor() actor: Actor) {
    return this.policies.enable(policyIds, actor);
  }

  @Mutation(() => BulkResult, { description: 'An active policy ends its blackout now (its end action runs).' })
  disableBlackoutPolicies(@ids() policyIds: string[], @CurrentActor() actor: Actor) {
    return this.policies.disable(policyIds, actor);
  }

  @ResolveField(() => ScheduleType)
  schedule(@Parent() p: PolicyRow) {
    return ScheduleType.from(p.policy.schedule);
  }

  @ResolveField(() => PolicyStatus)
  status(@Parent() p: PolicyRow) {
    return this.policies.status(p.policy);
  }

  @ResolveField(() => PolicyRunType, {
    nullable: true,
    description:
      'The occurrence in progress, else the last one, with the last of its START and END that ran and how many events that affected.',
  })
  async lastRun(@Parent() p: PolicyRow, @Context() ctx: RequestContext) {
    const last = this.policies.lastRun(p.policy);
    if (!last) return null;
    const run = await ctx.loaders.get(this.policies.latestRun).load(p.policy.id);
    const ran = run && run.occurrenceStart.getTime() === last.start.getTime() ? run : null;
    return Object.assign(new PolicyRunType(), {
      start: last.start,
      end: last.end,
      kind: ran?.kind ?? null,
      at: ran?.ranAt ?? null,
      eventsAffected: ran?.eventsChanged ?? 0,
    });
  }

  @ResolveField(() => OccurrenceType, { nullable: true, description: 'The next occurrence to start.' })
  nextRun(@Parent() p: PolicyRow) {
    return occurrence(this.policies.nextRun(p.policy));
  }
}

@Resolver(() => BlackoutEventType)
export class BlackoutEventsResolver {
  constructor(private readonly events: BlackoutEventsService) {}

  @Query(() => BlackoutEventConnection, { description: 'Newest first.' })
  blackoutEvents(@Args('filter', { type: () => BlackoutEventFilter, nullable: true }) filter: BlackoutEventFilter, @Args() page: PageArgs) {
    return this.list(filter, page);
  }

  @Query(() => BlackoutEventConnection, { name: 'events', deprecationReason: 'Use blackoutEvents (the same list).' })
  legacyEvents(@Args('filter', { type: () => LegacyEventFilter, nullable: true }) filter: LegacyEventFilter, @Args() page: PageArgs) {
    return this.list(filter, page);
  }

  @Mutation(() => [BlackoutEventType], {
    description: 'Stores up to 1,000 events, each OPEN or BLACKOUT by the policy active now that matches it.',
  })
  async ingestEvents(@Args('events', { type: () => [EventInputType] }) events: EventInputType[]) {
    return (await this.events.ingest(events)).map(toBlackoutEvent);
  }

  @Mutation(() => BulkResult)
  acknowledgeEvents(@ids() eventIds: string[]) {
    return this.events.acknowledge(eventIds);
  }

  @Mutation(() => BulkResult)
  closeEvents(@ids() eventIds: string[]) {
    return this.events.close(eventIds);
  }

  @ResolveField(() => BlackoutPolicyType, { nullable: true })
  blackedOutBy(@Parent() e: BlackoutEventType, @Context() ctx: RequestContext) {
    return this.policy(e.blackedOutById, ctx);
  }

  @ResolveField(() => BlackoutPolicyType, { nullable: true, description: 'The policy whose END released it.' })
  releasedFrom(@Parent() e: BlackoutEventType, @Context() ctx: RequestContext) {
    return this.policy(e.releasedFromId, ctx);
  }

  private async list(filter: BlackoutEventFilter | null, page: PageArgs) {
    const c = await this.events.list(filter ?? {}, page);
    return { ...c, nodes: c.nodes.map(toBlackoutEvent) };
  }

  private async policy(id: string | null, ctx: RequestContext) {
    const p = id ? await ctx.loaders.get(this.events.policyById).load(id) : null;
    return p ? toBlackoutPolicy(p) : null;
  }
}
