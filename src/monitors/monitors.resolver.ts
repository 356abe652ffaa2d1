import { PeriodStatus } from './period-status';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import { Clock } from '../common/clock/clock';
import { SuppressionReasonType } from '../common/graphql/suppression-reason.type';
import { Effect } from '../common/suppression/suppression.model';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { DependencyLists } from '../common/suppression/dependency-list';
import { ImpactTargetType } from '../common/targets/impact-target.type';
import type { RequestContext } from '../common/graphql/request-context';
import { PageArgs } from '../common/pagination/page-args';
import { OccurrenceType } from '../schedule-graphql/occurrence.type';
import { ScheduleType } from '../schedule-graphql/schedule.types';
import { MaintenancePeriodsService } from './maintenance-periods.service';
import type { Monitor, MonitorGroup } from './monitor.entities';
import { MonitorsService } from './monitors.service';
import { toPeriod, type PeriodParent } from './period.mapper';
import {
  CreateMonitorGroupInput,
  CreateMonitorInput,
  MaintenancePeriodInput,
  MaintenancePeriodType,
  MonitorConnection,
  MonitorFilter,
  MonitorGroupConnection,
  MonitorGroupType,
  MonitorStateType,
  MonitorType,
  UpdateMaintenancePeriodInput,
  UpdateMonitorGroupInput,
  UpdateMonitorInput,
} from './monitors.types';

const toMonitor = (m: Monitor) =>
  Object.assign(new MonitorType(), {
    id: m.id,
    name: m.name,
    description: m.description,
    type: m.type,
    target: m.target,
    active: m.active,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  });
const toGroup = (g: MonitorGroup) => Object.assign(new MonitorGroupType(), { id: g.id, name: g.name, description: g.description });

const id = (name = 'id') => Args(name, { type: () => ID });
const WATCHES_FIELD = 'What it checks (circuits, sites, locations, regions, services): a provider impact reaching any of them quiets it.';

@Resolver(() => MonitorType)
export class MonitorsResolver {
  constructor(
    private readonly monitors: MonitorsService,
    private readonly periods: MaintenancePeriodsService,
    private readonly clock: Clock,
    private readonly suppression: SuppressionPort,
    private readonly lists: DependencyLists,
  ) {}

  @Query(() => MonitorConnection, { name: 'monitors', description: 'Monitors by name.' })
  async listMonitors(@Args('filter', { type: () => MonitorFilter, nullable: true }) filter: MonitorFilter, @Args() page: PageArgs) {
    const c = await this.monitors.listMonitors(filter ?? {}, page);
    return { ...c, nodes: c.nodes.map(toMonitor) };
  }

  @Query(() => MonitorType)
  async monitor(@id() monitorId: string) {
    return toMonitor(await this.monitors.getMonitor(monitorId));
  }

  @Mutation(() => MonitorType)
  async createMonitor(@Args('input') input: CreateMonitorInput, @CurrentActor() actor: Actor) {
    return toMonitor(await this.monitors.createMonitor(input, actor));
  }

  @Mutation(() => MonitorType)
  async updateMonitor(@id() monitorId: string, @Args('input') input: UpdateMonitorInput, @CurrentActor() actor: Actor) {
    return toMonitor(await this.monitors.updateMonitor(monitorId, input, actor));
  }

  @Mutation(() => MonitorType, { description: 'Its maintenance periods go with it.' })
  async deleteMonitor(@id() monitorId: string, @CurrentActor() actor: Actor) {
    return toMonitor(await this.monitors.deleteMonitor(monitorId, actor));
  }

  @ResolveField(() => [MonitorGroupType])
  async groups(@Parent() m: MonitorType, @Context() ctx: RequestContext) {
    const ids = await ctx.loaders.get(this.monitors.members).load(m.id);
    const groups = await ctx.loaders.get(this.monitors.groupById).loadMany(ids);
    return groups.filter((g): g is MonitorGroup => !!g && !(g instanceof Error)).map(toGroup);
  }

  @ResolveField(() => [ImpactTargetType], { description: WATCHES_FIELD })
  async watches(@Parent() m: MonitorType, @Context() ctx: RequestContext) {
    return (await ctx.loaders.get(this.lists.listOf, 'MONITOR').load(m.id)).map((t) => ImpactTargetType.of(t.type, t.id));
  }

  @ResolveField(() => [MaintenancePeriodType])
  async maintenancePeriods(@Parent() m: MonitorType, @Context() ctx: RequestContext) {
    return (await ctx.loaders.get(this.periods.ofMonitor).load(m.id)).map(toPeriod);
  }

  @ResolveField(() => MonitorStateType, { description: 'Whether it is checked and notifies at `at` (default now), and why not.' })
  state(@Parent() m: MonitorType, @Args('at', { type: () => Date, nullable: true }) at: Date | null) {
    const [{ effects, reasons }] = this.suppression.decide([{ monitorId: m.id }], at ?? this.clock.now());
    return Object.assign(new MonitorStateType(), {
      monitoringEnabled: !effects.includes(Effect.DISABLE_MONITORING),
      notificationsEnabled: !effects.includes(Effect.DISABLE_NOTIFICATIONS),
      reasons: reasons.map((r) => SuppressionReasonType.from(r)),
    });
  }
}

@Resolver(() => MonitorGroupType)
export class MonitorGroupsResolver {
  constructor(
    private readonly monitors: MonitorsService,
    private readonly periods: MaintenancePeriodsService,
  ) {}

  @Query(() => MonitorGroupConnection)
  async monitorGroups(@Args() page: PageArgs) {
    const c = await this.monitors.listGroups(page);
    return { ...c, nodes: c.nodes.map(toGroup) };
  }

  @Query(() => MonitorGroupType)
  async monitorGroup(@id() groupId: string) {
    return toGroup(await this.monitors.getGroup(groupId));
  }

  @Mutation(() => MonitorGroupType)
  async createMonitorGroup(@Args('input') input: CreateMonitorGroupInput, @CurrentActor() actor: Actor) {
    return toGroup(await this.monitors.createGroup(input, actor));
  }

  @Mutation(() => MonitorGroupType)
  async updateMonitorGroup(@id() groupId: string, @Args('input') input: UpdateMonitorGroupInput, @CurrentActor() actor: Actor) {
    return toGroup(await this.monitors.updateGroup(groupId, input, actor));
  }

  @Mutation(() => MonitorGroupType, { description: 'Members stay; periods applied through the group stay on them.' })
  async deleteMonitorGroup(@id() groupId: string, @CurrentActor() actor: Actor) {
    return toGroup(await this.monitors.deleteGroup(groupId, actor));
  }

  @Mutation(() => [MaintenancePeriodType], {
    description: 'One period per current member, all in one transaction. An empty group is BAD_USER_INPUT.',
  })
  async addMaintenancePeriodToGroup(
    @id('groupId') groupId: string,
    @Args('input') input: MaintenancePeriodInput,
    @CurrentActor() actor: Actor,
  ) {
    return (await this.periods.addToGroup(groupId, input, actor)).map(toPeriod);
  }

  @ResolveField(() => [MonitorType], { name: 'monitors' })
  async members(@Parent() g: MonitorGroupType, @Context() ctx: RequestContext) {
    const ids = await ctx.loaders.get(this.monitors.members, 'group').load(g.id);
    const monitors = await ctx.loaders.get(this.monitors.monitorById).loadMany(ids);
    return monitors.filter((m): m is Monitor => !!m && !(m instanceof Error)).map(toMonitor);
  }
}

@Resolver(() => MaintenancePeriodType)
export class MaintenancePeriodsResolver {
  constructor(
    private readonly periods: MaintenancePeriodsService,
    private readonly monitors: MonitorsService,
  ) {}

  @Mutation(() => MaintenancePeriodType)
  async createMaintenancePeriod(
    @id('monitorId') monitorId: string,
    @Args('input') input: MaintenancePeriodInput,
    @CurrentActor() actor: Actor,
  ) {
    return toPeriod(await this.periods.create(monitorId, input, actor));
  }

  @Mutation(() => MaintenancePeriodType)
  async updateMaintenancePeriod(@id() periodId: string, @Args('input') input: UpdateMaintenancePeriodInput, @CurrentActor() actor: Actor) {
    return toPeriod(await this.periods.update(periodId, input, actor));
  }

  @Mutation(() => MaintenancePeriodType)
  async deleteMaintenancePeriod(@id() periodId: string, @CurrentActor() actor: Actor) {
    return toPeriod(await this.periods.delete(periodId, actor));
  }

  @Mutation(() => Int, { description: "Deletes the monitor's ONE_TIME periods that started before `before`; returns how many." })
  cleanupMaintenancePeriods(
    @id('monitorId') monitorId: string,
    @Args('before', { type: () => Date }) before: Date,
    @CurrentActor() actor: Actor,
  ) {
    return this.periods.cleanup(monitorId, before, actor);
  }

  @ResolveField(() => ScheduleType)
  schedule(@Parent() p: PeriodParent) {
    return ScheduleType.from(p.schedule);
  }

  @ResolveField(() => PeriodStatus)
  status(@Parent() p: PeriodParent) {
    return this.periods.status(p);
  }

  @ResolveField(() => [OccurrenceType], { description: 'The next occurrences from now (an ongoing one included).' })
  nextOccurrences(@Parent() p: PeriodParent, @Args('limit', { type: () => Int, defaultValue: 5, description: '1 to 100.' }) limit: number) {
    return this.periods.nextOccurrences(p, Math.min(Math.max(limit, 1), 100)).map((o) => OccurrenceType.of(o.start, o.end));
  }

  @ResolveField(() => MonitorType)
  async monitor(@Parent() p: MaintenancePeriodType, @Context() ctx: RequestContext) {
    return toMonitor((await ctx.loaders.get(this.monitors.monitorById).load(p.monitorId))!);
  }

  @ResolveField(() => MonitorGroupType, { nullable: true, description: 'The group it was applied through.' })
  async group(@Parent() p: MaintenancePeriodType, @Context() ctx: RequestContext) {
    if (!p.groupId) return null;
    const g = await ctx.loaders.get(this.monitors.groupById).load(p.groupId);
    return g ? toGroup(g) : null;
  }
}
