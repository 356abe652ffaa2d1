import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/graphql/request-context';
import type { InventoryKind, InventoryRow } from './inventory-kind';
import { inventoryResolver } from './inventory-resolver.factory';
import { CIRCUIT, LOCATION, PROVIDER, REGION, SITE } from './inventory.kinds';
import { InventoryService } from './inventory.service';
import {
  CircuitConnection,
  CircuitType,
  CreateCircuitInput,
  CreateLocationInput,
  CreateProviderInput,
  CreateRegionInput,
  CreateSiteInput,
  LocationConnection,
  LocationType,
  ProviderConnection,
  ProviderType,
  RegionConnection,
  RegionType,
  SiteConnection,
  SiteType,
  UpdateCircuitInput,
  UpdateLocationInput,
  UpdateProviderInput,
  UpdateRegionInput,
  UpdateSiteInput,
} from './inventory.types';

export const ProviderResolver = inventoryResolver({
  kind: PROVIDER,
  type: ProviderType,
  connection: ProviderConnection,
  createInput: CreateProviderInput,
  updateInput: UpdateProviderInput,
  singular: 'provider',
  toType: ProviderType.from,
});
export const RegionCrudResolver = inventoryResolver({
  kind: REGION,
  type: RegionType,
  connection: RegionConnection,
  createInput: CreateRegionInput,
  updateInput: UpdateRegionInput,
  singular: 'region',
  toType: RegionType.from,
});
export const SiteCrudResolver = inventoryResolver({
  kind: SITE,
  type: SiteType,
  connection: SiteConnection,
  createInput: CreateSiteInput,
  updateInput: UpdateSiteInput,
  singular: 'site',
  toType: SiteType.from,
});
export const LocationCrudResolver = inventoryResolver({
  kind: LOCATION,
  type: LocationType,
  connection: LocationConnection,
  createInput: CreateLocationInput,
  updateInput: UpdateLocationInput,
  singular: 'location',
  toType: LocationType.from,
});
export const CircuitCrudResolver = inventoryResolver({
  kind: CIRCUIT,
  type: CircuitType,
  connection: CircuitConnection,
  createInput: CreateCircuitInput,
  updateInput: UpdateCircuitInput,
  singular: 'circuit',
  toType: CircuitType.from,
});

/** Loads one related inventory object through the request's loader, or null. */
async function related<E extends InventoryRow, T>(
  inventory: InventoryService,
  ctx: RequestContext,
  kind: InventoryKind<E>,
  id: string | null,
  toType: (row: E) => T,
) {
  if (!id) return null;
  const row = await ctx.loaders.get(inventory.byId(kind)).load(id);
  return row ? toType(row) : null;
}

@Resolver(() => RegionType)
export class RegionFieldsResolver {
  constructor(private readonly inventory: InventoryService) {}
  @ResolveField(() => RegionType, { nullable: true })
  parent(@Parent() r: RegionType, @Context() ctx: RequestContext) {
    return related(this.inventory, ctx, REGION, r.parentId, RegionType.from);
  }
}

@Resolver(() => SiteType)
export class SiteFieldsResolver {
  constructor(private readonly inventory: InventoryService) {}
  @ResolveField(() => RegionType, { nullable: true })
  region(@Parent() s: SiteType, @Context() ctx: RequestContext) {
    return related(this.inventory, ctx, REGION, s.regionId, RegionType.from);
  }
}

@Resolver(() => LocationType)
export class LocationFieldsResolver {
  constructor(private readonly inventory: InventoryService) {}
  @ResolveField(() => SiteType)
  site(@Parent() l: LocationType, @Context() ctx: RequestContext) {
    return related(this.inventory, ctx, SITE, l.siteId, SiteType.from);
  }
  @ResolveField(() => LocationType, { nullable: true })
  parent(@Parent() l: LocationType, @Context() ctx: RequestContext) {
    return related(this.inventory, ctx, LOCATION, l.parentId, LocationType.from);
  }
}

@Resolver(() => CircuitType)
export class CircuitFieldsResolver {
  constructor(private readonly inventory: InventoryService) {}
  @ResolveField(() => ProviderType)
  provider(@Parent() c: CircuitType, @Context() ctx: RequestContext) {
    return related(this.inventory, ctx, PROVIDER, c.providerId, ProviderType.from);
  }
  @ResolveField(() => SiteType, { nullable: true, description: 'Termination site.' })
  site(@Parent() c: CircuitType, @Context() ctx: RequestContext) {
    return related(this.inventory, ctx, SITE, c.siteId, SiteType.from);
  }
  @ResolveField(() => LocationType, { nullable: true, description: 'Termination location.' })
  location(@Parent() c: CircuitType, @Context() ctx: RequestContext) {
    return related(this.inventory, ctx, LOCATION, c.locationId, LocationType.from);
  }
}
