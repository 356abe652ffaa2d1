import { WindowState } from './window-state';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import { Clock } from '../common/clock/clock';
import type { RequestContext } from '../common/graphql/request-context';
import { PageArgs } from '../common/pagination/page-args';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { DependencyLists } from '../common/suppression/dependency-list';
import { ImpactTargetType } from '../common/targets/impact-target.type';
import { EscalationPoliciesService } from './escalation-policies.service';
import { MaintenanceWindowsService } from './maintenance-windows.service';
import { ServiceCatalog } from './service-catalog.service';
import { toEscalationPolicy, toService, toWindow } from './services.mappers';
import { AtArgs, CreateServiceInput, ServiceConnection, ServiceFilter, ServiceType, UpdateServiceInput } from './service.types';
import { EscalationPolicyType } from './escalation-policy.types';
import { MaintenanceWindowType } from './maintenance-window.types';

@Resolver(() => ServiceType)
export class ServiceCatalogResolver {
  constructor(
    private readonly catalog: ServiceCatalog,
    private readonly policies: EscalationPoliciesService,
    private readonly windows: MaintenanceWindowsService,
    private readonly clock: Clock,
    private readonly suppression: SuppressionPort,
    private readonly lists: DependencyLists,
  ) {}

  @Query(() => ServiceConnection, { description: 'Services by name.' })
  async services(@Args('filter', { type: () => ServiceFilter, nullable: true }) filter: ServiceFilter, @Args() page: PageArgs) {
    const c = await this.catalog.list(filter ?? {}, page);
    return { ...c, nodes: c.nodes.map(toService) };
  }

  @Query(() => ServiceType)
  async service(@Args('id', { type: () => ID }) id: string) {
    return toService(await this.catalog.get(id));
  }

  @Mutation(() => ServiceType)
  async createService(@Args('input') input: CreateServiceInput, @CurrentActor() actor: Actor) {
    return toService(await this.catalog.create(input, actor));
  }

  @Mutation(() => ServiceType)
  async updateService(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateServiceInput, @CurrentActor() actor: Actor) {
    return toService(await this.catalog.update(id, input, actor));
  }

  @Mutation(() => ServiceType, { description: 'Refused (CONFLICT) while an ongoing or future maintenance window covers the service.' })
  async deleteService(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return toService(await this.catalog.delete(id, actor));
  }

  @ResolveField(() => EscalationPolicyType)
  async escalationPolicy(@Parent() service: ServiceType, @Context() ctx: RequestContext) {
    return toEscalationPolicy((await ctx.loaders.get(this.policies.byId).load(service.escalationPolicyId))!);
  }

  @ResolveField(() => [ImpactTargetType], {
    description:
      'What it needs (circuits, sites, locations, regions, monitors, other services): a provider impact reaching any of them reaches it.',
  })
  async dependsOn(@Parent() service: ServiceType, @Context() ctx: RequestContext) {
    return (await ctx.loaders.get(this.lists.listOf, 'SERVICE').load(service.id)).map((t) => ImpactTargetType.of(t.type, t.id));
  }

  @ResolveField(() => Boolean, {
    description: 'Whether something suppresses its incidents at `at` (default now): a maintenance window, or provider work on it.',
  })
  inMaintenance(@Parent() service: ServiceType, @Args() { at }: AtArgs) {
    return this.suppression.decide([{ serviceId: service.id }], at ?? this.clock.now())[0].suppressed;
  }

  @ResolveField(() => [MaintenanceWindowType], { description: 'By start; all of them, or those in one state.' })
  async maintenanceWindows(
    @Parent() service: ServiceType,
    @Args('state', { type: () => WindowState, nullable: true }) state: WindowState | null,
    @Context() ctx: RequestContext,
  ) {
    return (await ctx.loaders.get(this.windows.windowsByService, state ?? undefined).load(service.id)).map(toWindow);
  }
}
