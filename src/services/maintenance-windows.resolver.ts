import { WindowState } from './window-state';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import type { RequestContext } from '../common/graphql/request-context';
import { PageArgs } from '../common/pagination/page-args';
import type { Service } from './entities/service.entity';
import { MaintenanceWindowsService } from './maintenance-windows.service';
import { ServiceCatalog } from './service-catalog.service';
import { toService, toUser, toWindow } from './services.mappers';
import {
  CreateMaintenanceWindowInput,
  MaintenanceWindowConnection,
  MaintenanceWindowCreatorType,
  MaintenanceWindowDeletionType,
  MaintenanceWindowFilter,
  MaintenanceWindowType,
  UpdateMaintenanceWindowInput,
} from './maintenance-window.types';
import { ServiceType } from './service.types';
import { UserType } from './user.types';
import { UsersService } from './users.service';

@Resolver(() => MaintenanceWindowType)
export class MaintenanceWindowsResolver {
  constructor(
    private readonly windows: MaintenanceWindowsService,
    private readonly catalog: ServiceCatalog,
  ) {}

  @Query(() => MaintenanceWindowConnection, { description: 'By start time.' })
  async maintenanceWindows(
    @Args('filter', { type: () => MaintenanceWindowFilter, nullable: true }) filter: MaintenanceWindowFilter,
    @Args() page: PageArgs,
  ) {
    const c = await this.windows.list(filter ?? {}, page);
    return { ...c, nodes: c.nodes.map(toWindow) };
  }

  @Query(() => MaintenanceWindowType)
  async maintenanceWindow(@Args('id', { type: () => ID }) id: string) {
    return toWindow(await this.windows.get(id));
  }

  @Mutation(() => MaintenanceWindowType, { description: 'No incident opens for its services while it is active.' })
  async createMaintenanceWindow(@Args('input') input: CreateMaintenanceWindowInput, @CurrentActor() actor: Actor) {
    return toWindow(await this.windows.create(input, actor));
  }

  @Mutation(() => MaintenanceWindowType, { description: 'A past window cannot change; an ongoing one keeps its start.' })
  async updateMaintenanceWindow(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateMaintenanceWindowInput,
    @CurrentActor() actor: Actor,
  ) {
    return toWindow(await this.windows.update(id, input, actor));
  }

  @Mutation(() => MaintenanceWindowDeletionType, { description: 'Future: deleted. Ongoing: ends now. Past: CONFLICT.' })
  async deleteMaintenanceWindow(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    const { outcome, window } = await this.windows.delete(id, actor);
    return { outcome, window: toWindow(window) };
  }

  @ResolveField(() => WindowState)
  state(@Parent() window: MaintenanceWindowType) {
    return this.windows.state(window);
  }

  @ResolveField(() => [ServiceType])
  async services(@Parent() window: MaintenanceWindowType, @Context() ctx: RequestContext) {
    const ids = await ctx.loaders.get(this.windows.serviceIdsByWindow).load(window.id);
    const services = await ctx.loaders.get(this.catalog.byId).loadMany(ids);
    return services.filter((s): s is Service => !!s && !(s instanceof Error)).map(toService);
  }
}

@Resolver(() => MaintenanceWindowCreatorType)
export class MaintenanceWindowCreatorResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserType, { nullable: true, description: 'The user the window was requested for, if named.' })
  async requester(@Parent() creator: MaintenanceWindowCreatorType, @Context() ctx: RequestContext) {
    if (!creator.requesterId) return null;
    const user = await ctx.loaders.get(this.users.byId).load(creator.requesterId);
    return user ? toUser(user) : null;
  }
}
