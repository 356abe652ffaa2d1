import type { Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/graphql/request-context';
import type { Connection } from '../../common/pagination/connection';
import { declareMethod } from '../../common/declare-method';
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

/** One kind's CRUD resolver: the same five operations (see inventoryResolver), its rows shown by its type's `from`. */
function crud<E extends InventoryRow, T>(
  kind: InventoryKind<E>,
  singular: string,
  type: Type<T> & { from(this: void, row: E): T },
  connection: Type<Connection<T>>,
  createInput: Type<object>,
  updateInput: Type<object>,
) {
  return inventoryResolver({ kind, singular, type, connection, createInput, updateInput, toType: type.from });
}

export const ProviderResolver = crud(PROVIDER, 'provider', ProviderType, ProviderConnection, CreateProviderInput, UpdateProviderInput);
export const RegionCrudResolver = crud(REGION, 'region', RegionType, RegionConnection, CreateRegionInput, UpdateRegionInput);
export const SiteCrudResolver = crud(SITE, 'site', SiteType, SiteConnection, CreateSiteInput, UpdateSiteInput);
export const LocationCrudResolver = crud(LOCATION, 'location', LocationType, LocationConnection, CreateLocationInput, UpdateLocationInput);
export const CircuitCrudResolver = crud(CIRCUIT, 'circuit', CircuitType, CircuitConnection, CreateCircuitInput, UpdateCircuitInput);

/** A field that loads the inventory object its parent points at (a site's region, a circuit's provider), or null. */
interface Link<P> {
  type: Type<unknown>;
  options: { nullable?: boolean; description?: string };
  load: (inventory: InventoryService, ctx: RequestContext, parent: P) => Promise<unknown>;
}

/** The link to the `kind` object whose id `idOf` reads from the parent, loaded through the request's loader and shown as `type`. */
function link<P, E extends InventoryRow, T>(
  kind: InventoryKind<E>,
  type: Type<T> & { from(this: void, row: E): T },
  idOf: (parent: P) => string | null,
  options: Link<P>['options'] = {},
): Link<P> {
  const load = async (inventory: InventoryService, ctx: RequestContext, parent: P) => {
    const id = idOf(parent);
    if (!id) return null;
    const row = await ctx.loaders.get(inventory.byId(kind)).load(id);
    return row ? type.from(row) : null;
  };
  return { type, options, load };
}

/** The resolver of a type's links: a field per entry, named by its key. */
function linksResolver<P>(parent: Type<P>, links: Record<string, Link<P>>): Type<unknown> {
  @Resolver(() => parent)
  class LinksResolver {
    constructor(readonly inventory: InventoryService) {}
  }
  for (const [field, { type, options, load }] of Object.entries(links)) {
    declareMethod(
      LinksResolver,
      field,
      function (this: LinksResolver, row: P, ctx: RequestContext) {
        return load(this.inventory, ctx, row);
      },
      [
        [Object, Parent()],
        [Object, Context()],
      ],
      ResolveField(() => type, options),
    );
  }
  Object.defineProperty(LinksResolver, 'name', { value: `${parent.name.replace(/Type$/, '')}FieldsResolver` });
  return LinksResolver;
}

export const RegionFieldsResolver = linksResolver(RegionType, {
  parent: link(REGION, RegionType, (r) => r.parentId, { nullable: true }),
});
export const SiteFieldsResolver = linksResolver(SiteType, {
  region: link(REGION, RegionType, (s) => s.regionId, { nullable: true }),
});
export const LocationFieldsResolver = linksResolver(LocationType, {
  site: link(SITE, SiteType, (l) => l.siteId),
  parent: link(LOCATION, LocationType, (l) => l.parentId, { nullable: true }),
});
export const CircuitFieldsResolver = linksResolver(CircuitType, {
  provider: link(PROVIDER, ProviderType, (c) => c.providerId),
  site: link(SITE, SiteType, (c) => c.siteId, { nullable: true, description: 'Termination site.' }),
  location: link(LOCATION, LocationType, (c) => c.locationId, { nullable: true, description: 'Termination location.' }),
});
